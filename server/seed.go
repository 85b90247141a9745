package main

import (
	"bytes"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"flowcare/internal/access"
	"flowcare/internal/flowcare"
	"flowcare/internal/reference"
)

//go:embed demo/areas.csv
var demoAreas []byte

// DemoPassword is the password of every demo user; the README lists them.
const DemoPassword = "flowcare-demo"

type demoOrg struct {
	key string
	org flowcare.Organisation
}

// Every organisation and person here is invented, and says so in its name.
// Venues are Beijing's real public libraries and museums, by their public
// names and approximate coordinates; everything else is invented.
var demoOrgs = []demoOrg{
	{"social", org("晨曦社会工作服务中心（演示）", flowcare.OrgSocial, "110105", "朝阳区建外街道（演示地址）", 39.9085, 116.4490)},
	{"social2", org("同心圆儿童关爱服务社（演示）", flowcare.OrgSocial, "110108", "海淀区万寿路街道（演示地址）", 39.9072, 116.2955)},
	{"social3", org("新苗社区服务中心（演示）", flowcare.OrgSocial, "110112", "通州区中仓街道（演示地址）", 39.9048, 116.6610)},
	{"social4", org("向阳花心理服务站（演示）", flowcare.OrgSocial, "110106", "丰台区右安门街道（演示地址）", 39.8625, 116.3615)},
	{"social5", org("启航城市融入工作坊（演示，待审核）", flowcare.OrgSocial, "110114", "昌平区城北街道（演示地址）", 40.2285, 116.2310)},
	{"library", org("首都图书馆", flowcare.OrgLibrary, "110105", "朝阳区东三环南路88号", 39.8667, 116.4617)},
	{"library2", org("国家图书馆少年儿童馆", flowcare.OrgLibrary, "110108", "海淀区中关村南大街33号", 39.9430, 116.3245)},
	{"library3", org("北京市西城区第一图书馆", flowcare.OrgLibrary, "110102", "西城区", 39.9105, 116.3705)},
	{"museum", org("首都博物馆", flowcare.OrgMuseum, "110102", "西城区复兴门外大街16号", 39.9059, 116.3418)},
	{"museum2", org("中国科学技术馆", flowcare.OrgMuseum, "110105", "朝阳区北辰东路5号", 40.0046, 116.3929)},
	{"museum3", org("北京自然博物馆", flowcare.OrgMuseum, "110101", "东城区天桥南大街126号", 39.8812, 116.4043)},
	{"league", org("朝阳区示例团委（演示）", flowcare.OrgYouthLeague, "110105", "", 0, 0)},
	{"federation", org("朝阳区示例妇联（演示）", flowcare.OrgWomensFederation, "110105", "", 0, 0)},
}

func org(name string, kind flowcare.OrganisationKind, area, address string, lat, lng float64) flowcare.Organisation {
	o := flowcare.Organisation{Name: name, Kind: kind, AreaID: area, Verification: flowcare.VerificationVerified}
	if address != "" {
		o.Address = &address
	}
	if lat != 0 {
		o.Latitude, o.Longitude = &lat, &lng
	}
	if strings.Contains(name, "待审核") {
		o.Verification = flowcare.VerificationUnverified
	}
	return o
}

type demoUser struct {
	username, name string
	role           flowcare.Role
	area, org      string
}

var demoUsers = []demoUser{
	{"demo.admin", "演示·平台管理员", flowcare.RoleAdmin, flowcare.CityAreaID, ""},
	{"demo.civil", "演示·市民政局工作人员", flowcare.RoleCivilAffairs, flowcare.CityAreaID, ""},
	{"demo.civil.chaoyang", "演示·朝阳区民政工作人员", flowcare.RoleCivilAffairs, "110105", ""},
	{"demo.supervisor", "演示·建外街道儿童督导员", flowcare.RoleChildSupervisor, "110105001", ""},
	{"demo.director", "演示·建外示例社区儿童主任", flowcare.RoleChildDirector, "110105001001", ""},
	{"demo.orgadmin", "演示·社工机构管理员", flowcare.RoleOrgAdmin, "", "social"},
	{"demo.orgstaff", "演示·社工", flowcare.RoleOrgStaff, "", "social"},
	{"demo.volunteer", "演示·志愿者", flowcare.RoleVolunteer, "", "social"},
	{"demo.venue", "演示·首都图书馆工作人员", flowcare.RoleVenueStaff, "", "library"},
	{"demo.organiser", "演示·团委活动组织者", flowcare.RoleEventOrganiser, "", "league"},
	{"demo.auditor", "演示·监督审计员", flowcare.RoleAuditor, flowcare.CityAreaID, ""},
}

func cmdSeed(ctx context.Context, cfg Config, log *slog.Logger, stdout io.Writer, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	demo := fs.Bool("demo", false, "also load the demo organisations, users and records")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageError{"say `seed` for Beijing's divisions, or `seed --demo` for them and the demo data"}
	}
	if *demo {
		if _, err := cfg.keyring(); err != nil {
			return err
		}
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	if !*demo {
		return seedDivisions(ctx, a, stdout)
	}
	return seedDemo(ctx, a, access.DefaultArgon2id(), stdout)
}

// seedDivisions loads Beijing's districts, streets and communities; running it
// again changes nothing.
func seedDivisions(ctx context.Context, a *app, out io.Writer) error {
	start := time.Now()
	res, err := a.reference.LoadDivisions(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "seed: Beijing's divisions: %d areas, %d added, %d given a point (%s)\n",
		res.Total, res.Added, res.Located, time.Since(start).Round(time.Millisecond))
	return nil
}

// seedDemo loads the demo data; running it again changes nothing that is
// already there, so it is safe on every `make run`.
func seedDemo(ctx context.Context, a *app, hasher access.Hasher, out io.Writer) error {
	if err := seedDivisions(ctx, a, out); err != nil {
		return err
	}
	areas, err := reference.ParseAreasCSV(bytes.NewReader(demoAreas))
	if err != nil {
		return fmt.Errorf("demo areas: %w", err)
	}
	orgIDs := map[string]string{}
	created := 0
	err = a.db.InTx(ctx, func(tx flowcare.Tx) error {
		for _, ar := range areas {
			if _, err := tx.Areas().UpsertArea(ctx, ar); err != nil {
				return fmt.Errorf("area %s: %w", ar.ID, err)
			}
		}
		fmt.Fprintf(out, "seed: %d demo communities and street centres\n", len(areas))
		for _, o := range demoOrgs {
			org := o.org
			if err := tx.Areas().UpsertOrganisation(ctx, &org); err != nil {
				return fmt.Errorf("organisation %s: %w", org.Name, err)
			}
			if err := tx.Directory().UpdateOrganisation(ctx, &org); err != nil {
				return fmt.Errorf("organisation %s: %w", org.Name, err)
			}
			if org.Verification == flowcare.VerificationVerified {
				if err := tx.Directory().SetVerification(ctx, org.ID, org.Verification, nil, "", time.Now()); err != nil {
					return fmt.Errorf("organisation %s: %w", org.Name, err)
				}
			}
			orgIDs[o.key] = org.ID
		}
		fmt.Fprintf(out, "seed: %d demo organisations\n", len(demoOrgs))
		for _, du := range demoUsers {
			n, err := seedUser(ctx, tx, hasher, du, orgIDs)
			if err != nil {
				return fmt.Errorf("user %s: %w", du.username, err)
			}
			created += n
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "seed: %d demo users (%d new), password %q\n", len(demoUsers), created, DemoPassword)
	if err := seedDirectory(ctx, a, hasher, orgIDs, time.Now(), out); err != nil {
		return err
	}
	if err := seedChildren(ctx, a, time.Now(), out); err != nil {
		return err
	}
	return seedFunding(ctx, a, orgIDs, time.Now(), out)
}

func seedUser(ctx context.Context, tx flowcare.Tx, hasher access.Hasher, du demoUser, orgIDs map[string]string) (int, error) {
	u, err := tx.Users().UserByUsername(ctx, du.username)
	created := 0
	if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
		hash, err := hasher.Hash(DemoPassword)
		if err != nil {
			return 0, err
		}
		u = &flowcare.User{Username: du.username, DisplayName: du.name, PasswordHash: hash}
		if err := tx.Users().CreateUser(ctx, u); err != nil {
			return 0, err
		}
		created = 1
	} else if err != nil {
		return 0, err
	}
	grants, err := tx.Users().ActiveGrants(ctx, []string{u.ID})
	if err != nil {
		return 0, err
	}
	for _, g := range grants[u.ID] {
		if g.Role == du.role {
			return created, nil
		}
	}
	g := &flowcare.Grant{UserID: u.ID, Role: du.role, GrantedAt: time.Now()}
	if du.area != "" {
		g.AreaID = &du.area
	}
	if du.org != "" {
		id := orgIDs[du.org]
		g.OrganisationID = &id
	}
	return created, tx.Users().CreateGrant(ctx, g, "")
}
