package main

import (
	"bytes"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"log/slog"
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
var demoOrgs = []demoOrg{
	{"social", flowcare.Organisation{Name: "晨曦社会工作服务中心（演示）", Kind: flowcare.OrgSocial, AreaID: "110105"}},
	{"library", flowcare.Organisation{Name: "朝阳示例图书馆（演示）", Kind: flowcare.OrgLibrary, AreaID: "110105"}},
	{"museum", flowcare.Organisation{Name: "示例少儿博物馆（演示）", Kind: flowcare.OrgMuseum, AreaID: "110108"}},
	{"league", flowcare.Organisation{Name: "朝阳区示例团委（演示）", Kind: flowcare.OrgYouthLeague, AreaID: "110105"}},
	{"federation", flowcare.Organisation{Name: "朝阳区示例妇联（演示）", Kind: flowcare.OrgWomensFederation, AreaID: "110105"}},
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
	{"demo.venue", "演示·图书馆工作人员", flowcare.RoleVenueStaff, "", "library"},
	{"demo.organiser", "演示·团委活动组织者", flowcare.RoleEventOrganiser, "", "league"},
	{"demo.auditor", "演示·监督审计员", flowcare.RoleAuditor, flowcare.CityAreaID, ""},
}

func cmdSeed(ctx context.Context, cfg Config, log *slog.Logger, stdout io.Writer, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	demo := fs.Bool("demo", false, "load the demo areas, organisations and users")
	if err := fs.Parse(args); err != nil || !*demo {
		return usageError{"say `seed --demo`"}
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	return seedDemo(ctx, a, access.DefaultArgon2id(), stdout)
}

// seedDemo loads the demo data; running it again changes nothing that is
// already there, so it is safe on every `make run`.
func seedDemo(ctx context.Context, a *app, hasher access.Hasher, out io.Writer) error {
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
		fmt.Fprintf(out, "seed: %d demo streets and communities\n", len(areas))
		for _, o := range demoOrgs {
			org := o.org
			if err := tx.Areas().UpsertOrganisation(ctx, &org); err != nil {
				return fmt.Errorf("organisation %s: %w", org.Name, err)
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
	return nil
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
