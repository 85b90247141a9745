package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"flowcare/internal/directory"
	"flowcare/internal/flowcare"
)

type demoService struct {
	org, name, desc string
	cats            []flowcare.Category
	minAge, maxAge  int
	langs           []string
	funding         flowcare.Funding
	loc             flowcare.Location
	schedule        []flowcare.TimeWindow
}

func at(day, h, m, hours int) flowcare.TimeWindow {
	return flowcare.TimeWindow{Day: day, Start: h*60 + m, End: (h+hours)*60 + m}
}

var demoServices = []demoService{
	{"social", "周末阅读陪伴小组", "社工和志愿者每周六陪伴孩子共读绘本与桥梁书，培养阅读习惯。", []flowcare.Category{flowcare.CatReadingGuidance},
		6, 12, []string{"普通话"}, flowcare.FundingFunded,
		flowcare.Location{Name: "建外示例社区活动室（演示）", AreaID: "110105001001", Latitude: 39.9076, Longitude: 116.4503}, []flowcare.TimeWindow{at(6, 9, 30, 2)}},
	{"social", "书信伙伴计划", "为留守与流动儿童结对书信伙伴，每月往来一封信，倾听与陪伴。", []flowcare.Category{flowcare.CatLetterCompanionship, flowcare.CatOneToOneSupport},
		8, 15, []string{"普通话", "四川话"}, flowcare.FundingFree,
		flowcare.Location{Name: "光华示例社区服务站（演示）", AreaID: "110105001002", Latitude: 39.9131, Longitude: 116.4561}, nil},
	{"social", "城市探索营", "带孩子认识社区、乘坐地铁、参观博物馆，帮助尽快融入城市生活。", []flowcare.Category{flowcare.CatCityIntegration, flowcare.CatPublicCulture},
		7, 14, []string{"普通话"}, flowcare.FundingFunded,
		flowcare.Location{Name: "朝外示例社区活动中心（演示）", AreaID: "110105002001", Latitude: 39.9221, Longitude: 116.4401}, []flowcare.TimeWindow{at(7, 14, 0, 3)}},
	{"social2", "心理辅导小屋", "持证心理咨询师提供一对一心理辅导与情绪疏导，必要时转介专业机构。", []flowcare.Category{flowcare.CatPsychologicalCounsel},
		6, 16, []string{"普通话", "粤语"}, flowcare.FundingFunded,
		flowcare.Location{Name: "万寿路示例社区心理室（演示）", AreaID: "110108001901", Latitude: 39.9061, Longitude: 116.2931}, []flowcare.TimeWindow{at(3, 16, 0, 2), at(6, 10, 0, 3)}},
	{"social2", "星星的孩子融合活动", "面向孤独症儿童的融合游戏与家长支持小组。", []flowcare.Category{flowcare.CatAutismSupport, flowcare.CatRehabilitation},
		3, 12, []string{"普通话"}, flowcare.FundingFunded,
		flowcare.Location{Name: "中关村示例康复活动室（演示）", AreaID: "110108011", Latitude: 39.9832, Longitude: 116.3158}, []flowcare.TimeWindow{at(6, 9, 0, 2)}},
	{"social3", "四点半课堂", "放学后作业辅导与阅读指导，家长下班前有安全去处。", []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatRecreation},
		6, 12, []string{"普通话", "河南话"}, flowcare.FundingFunded,
		flowcare.Location{Name: "中仓示例社区四点半课堂（演示）", AreaID: "110112001001", Latitude: 39.9041, Longitude: 116.6601},
		[]flowcare.TimeWindow{at(1, 16, 30, 2), at(2, 16, 30, 2), at(3, 16, 30, 2), at(4, 16, 30, 2), at(5, 16, 30, 2)}},
	{"social3", "家长课堂：家庭教育指导", "每月一次家庭教育讲座与答疑，帮助家长履行监护与教育责任。", []flowcare.Category{flowcare.CatFamilyEducation},
		0, 16, []string{"普通话"}, flowcare.FundingFree,
		flowcare.Location{Name: "中仓示例社区会议室（演示）", AreaID: "110112001", Latitude: 39.9051, Longitude: 116.6622}, []flowcare.TimeWindow{at(6, 19, 0, 2)}},
	{"social4", "情绪小管家团体辅导", "以游戏和绘画帮助孩子认识和表达情绪。", []flowcare.Category{flowcare.CatPsychologicalCounsel, flowcare.CatRecreation},
		7, 12, []string{"普通话"}, flowcare.FundingFunded,
		flowcare.Location{Name: "右安门示例社区活动室（演示）", AreaID: "110106001", Latitude: 39.8622, Longitude: 116.3619}, []flowcare.TimeWindow{at(6, 14, 0, 2)}},
	{"social4", "法治小课堂", "用情景剧讲解自我保护与未成年人保护法。", []flowcare.Category{flowcare.CatLegalEducation},
		8, 16, []string{"普通话"}, flowcare.FundingFree,
		flowcare.Location{Name: "右安门示例学校报告厅（演示）", AreaID: "110106001", Latitude: 39.8615, Longitude: 116.3633}, nil},
	{"social", "父母就业咨询日", "为流动儿童父母提供政策咨询、职业介绍和技能培训信息。", []flowcare.Category{flowcare.CatParentEmployment},
		0, 16, []string{"普通话"}, flowcare.FundingFree,
		flowcare.Location{Name: "建外示例社区服务大厅（演示）", AreaID: "110105001", Latitude: 39.9082, Longitude: 116.4486}, []flowcare.TimeWindow{at(3, 9, 0, 3)}},
	{"social5", "城市融入营（筹备中）", "尚待民政部门审核，审核通过后才能发布。", []flowcare.Category{flowcare.CatCityIntegration},
		7, 14, []string{"普通话"}, flowcare.FundingFree,
		flowcare.Location{Name: "城北示例社区（演示）", AreaID: "110114001", Latitude: 40.2291, Longitude: 116.2302}, nil},
}

type demoVolunteer struct {
	username, name, area, org string
	skills                    []flowcare.Category
	langs                     []string
	hours                     int
	// vetting: "full", "expiring" (within 30 days), "expired", "partial" or "none"
	vetting string
}

var demoVolunteers = []demoVolunteer{
	{"demo.volunteer", "小林（演示）", "110105001", "social", []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatLetterCompanionship}, []string{"普通话"}, 12, "full"},
	{"demo.vol.wang", "王老师（演示）", "110105002", "social", []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatCityIntegration}, []string{"普通话", "山东话"}, 16, "expiring"},
	{"demo.vol.chen", "陈同学（演示）", "110108001", "social2", []flowcare.Category{flowcare.CatPsychologicalCounsel}, []string{"普通话", "粤语"}, 8, "full"},
	{"demo.vol.li", "李阿姨（演示）", "110112001", "social3", []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatFamilyEducation}, []string{"普通话", "河南话"}, 20, "partial"},
	{"demo.vol.zhao", "赵哥（演示）", "110106001", "social4", []flowcare.Category{flowcare.CatRecreation, flowcare.CatLegalEducation}, []string{"普通话"}, 6, "expired"},
	{"demo.vol.sun", "孙姐（演示）", "110105026", "social", []flowcare.Category{flowcare.CatOneToOneSupport, flowcare.CatLetterCompanionship}, []string{"普通话", "四川话"}, 10, "none"},
}

type demoSlot struct {
	venue, title, desc string
	cats               []flowcare.Category
	weekday            time.Weekday
	hour, minutes      int
	capacity           int
	minAge, maxAge     int
}

var demoSlots = []demoSlot{
	{"library", "少儿绘本故事会", "馆员带领孩子共读绘本，适合低龄儿童与家长同来。", []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatPublicCulture}, time.Saturday, 10, 90, 20, 3, 8},
	{"library2", "小小图书管理员", "体验图书分类与上架，了解图书馆。", []flowcare.Category{flowcare.CatPublicCulture, flowcare.CatCityIntegration}, time.Sunday, 14, 120, 15, 8, 12},
	{"library3", "亲子共读时光", "每周亲子阅读活动。", []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatFamilyEducation}, time.Saturday, 15, 90, 12, 4, 10},
	{"museum", "博物馆里的北京城", "跟随讲解员认识北京的历史与城市变迁。", []flowcare.Category{flowcare.CatPublicCulture, flowcare.CatCityIntegration}, time.Saturday, 9, 120, 25, 7, 14},
	{"museum2", "科学实验小课堂", "动手做科学小实验。", []flowcare.Category{flowcare.CatPublicCulture, flowcare.CatRecreation}, time.Sunday, 10, 120, 30, 8, 15},
	{"museum3", "恐龙与自然探索", "在自然博物馆认识恐龙与动植物。", []flowcare.Category{flowcare.CatPublicCulture}, time.Saturday, 14, 90, 25, 5, 12},
}

// seedDirectory adds the demo services, volunteers, slots and events once;
// a database that already has them is left alone.
func seedDirectory(ctx context.Context, a *app, hasher directoryHasher, orgIDs map[string]string, now time.Time, out io.Writer) error {
	existing, _, err := a.db.Directory().ListServices(ctx, orgIDs["social"], "", flowcare.Page{First: 1})
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		fmt.Fprintln(out, "seed: demo directory already present")
		return nil
	}
	return a.db.InTx(ctx, func(tx flowcare.Tx) error {
		d := tx.Directory()
		for _, ds := range demoServices {
			sv := &flowcare.Service{OrganisationID: orgIDs[ds.org], Name: ds.name, Description: ds.desc, Categories: ds.cats,
				MinAge: ds.minAge, MaxAge: ds.maxAge, Languages: ds.langs, Funding: ds.funding, Capacity: 20,
				AreasServed: []string{ds.loc.AreaID[:6]}, Schedule: ds.schedule, Locations: []flowcare.Location{ds.loc},
				Status: flowcare.ServiceActive}
			if ds.org == "social5" {
				sv.Status = flowcare.ServiceDraft
			}
			if err := d.CreateService(ctx, sv); err != nil {
				return fmt.Errorf("service %s: %w", ds.name, err)
			}
		}
		fmt.Fprintf(out, "seed: %d demo services\n", len(demoServices))
		for _, dv := range demoVolunteers {
			if err := seedVolunteer(ctx, tx, hasher, dv, orgIDs, now); err != nil {
				return fmt.Errorf("volunteer %s: %w", dv.username, err)
			}
		}
		fmt.Fprintf(out, "seed: %d demo volunteers\n", len(demoVolunteers))
		n := 0
		for _, ds := range demoSlots {
			first := nextWeekday(now, ds.weekday, ds.hour)
			series := fmt.Sprintf("00000000-0000-4000-8000-%012d", n)
			var slots []*flowcare.Slot
			for w := 0; w < 4; w++ {
				start := first.AddDate(0, 0, 7*w)
				slots = append(slots, &flowcare.Slot{VenueID: orgIDs[ds.venue], SeriesID: &series, Title: ds.title, Description: ds.desc,
					Categories: ds.cats, StartsAt: start, EndsAt: start.Add(time.Duration(ds.minutes) * time.Minute), Capacity: ds.capacity,
					MinAge: ds.minAge, MaxAge: ds.maxAge, ChildrenPerAdult: 3, BookingCutoff: start.Add(-24 * time.Hour), Status: flowcare.SlotPublished})
			}
			if err := d.CreateSlots(ctx, slots); err != nil {
				return fmt.Errorf("slots %s: %w", ds.title, err)
			}
			n += len(slots)
		}
		fmt.Fprintf(out, "seed: %d demo venue slots over the next four weeks\n", n)
		events := []flowcare.Event{
			{OrganisationID: orgIDs["league"], Title: "12355 青少年心理健康开放日", Description: "12355 青少年服务台心理老师现场答疑，附趣味心理游戏。",
				Categories: []flowcare.Category{flowcare.CatPsychologicalCounsel}, Place: "朝外示例社区活动中心（演示）", AreaID: "110105002001",
				Latitude: 39.9221, Longitude: 116.4401, Capacity: 60, MinAge: 8, MaxAge: 16},
			{OrganisationID: orgIDs["federation"], Title: "爱心妈妈结对见面会", Description: "爱心妈妈与孩子们见面结对，一起做手工、过集体生日。",
				Categories: []flowcare.Category{flowcare.CatOneToOneSupport, flowcare.CatRecreation}, Place: "建外示例社区活动室（演示）", AreaID: "110105001001",
				Latitude: 39.9076, Longitude: 116.4503, Capacity: 40, MinAge: 6, MaxAge: 14},
			{OrganisationID: orgIDs["federation"], Title: "新蕊计划家庭教育公益大讲堂", Description: "家庭教育专家讲解亲子沟通与学习习惯培养。",
				Categories: []flowcare.Category{flowcare.CatFamilyEducation}, Place: "光华示例社区服务站（演示）", AreaID: "110105001002",
				Latitude: 39.9131, Longitude: 116.4561, Capacity: 80, MinAge: 0, MaxAge: 16},
			{OrganisationID: orgIDs["league"], Title: "少年法学院：我会保护自己", Description: "团委联合检察官开展的法治宣传活动。",
				Categories: []flowcare.Category{flowcare.CatLegalEducation}, Place: "望京示例社区礼堂（演示）", AreaID: "110105026",
				Latitude: 39.9962, Longitude: 116.4705, Capacity: 100, MinAge: 9, MaxAge: 16},
		}
		for i := range events {
			e := &events[i]
			e.StartsAt = nextWeekday(now, time.Saturday, 14).AddDate(0, 0, 7*i)
			e.EndsAt = e.StartsAt.Add(2 * time.Hour)
			e.RegistrationOpens = now.Add(-time.Hour).Truncate(time.Hour)
			e.RegistrationCloses = e.StartsAt.Add(-24 * time.Hour)
			e.Status = flowcare.EventPublished
			if err := d.CreateEvent(ctx, e); err != nil {
				return fmt.Errorf("event %s: %w", e.Title, err)
			}
		}
		fmt.Fprintf(out, "seed: %d demo events\n", len(events))
		return nil
	})
}

type directoryHasher = directory.Hasher

// nextWeekday is the next given weekday (after today) at hour:00 Beijing time.
func nextWeekday(now time.Time, wd time.Weekday, hour int) time.Time {
	t := now.In(flowcare.Beijing)
	d := (int(wd) - int(t.Weekday()) + 7) % 7
	if d == 0 {
		d = 7
	}
	y, m, day := t.AddDate(0, 0, d).Date()
	return time.Date(y, m, day, hour, 0, 0, 0, flowcare.Beijing)
}

func seedVolunteer(ctx context.Context, tx flowcare.Tx, hasher directoryHasher, dv demoVolunteer, orgIDs map[string]string, now time.Time) error {
	u, err := tx.Users().UserByUsername(ctx, dv.username)
	if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
		hash, err := hasher.Hash(DemoPassword)
		if err != nil {
			return err
		}
		u = &flowcare.User{Username: dv.username, DisplayName: dv.name, PasswordHash: hash}
		if err := tx.Users().CreateUser(ctx, u); err != nil {
			return err
		}
		if err := tx.Users().CreateGrant(ctx, &flowcare.Grant{UserID: u.ID, Role: flowcare.RoleVolunteer, GrantedAt: now}, ""); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if _, err := tx.Directory().VolunteerByUserID(ctx, u.ID); err == nil {
		return nil
	}
	v := &flowcare.Volunteer{UserID: u.ID, DisplayName: dv.name, Skills: dv.skills, Languages: dv.langs, HomeAreaID: dv.area,
		HoursPerMonth: dv.hours, OrganisationIDs: []string{orgIDs[dv.org]},
		Bio:          "演示用的虚构志愿者。",
		Availability: []flowcare.TimeWindow{at(6, 9, 0, 3), at(7, 14, 0, 3)}}
	if err := tx.Directory().CreateVolunteer(ctx, v); err != nil {
		return err
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	kinds := flowcare.VettingKinds
	switch dv.vetting {
	case "none":
		return nil
	case "partial":
		kinds = kinds[:2]
	}
	for i, k := range kinds {
		completed, expires := today.AddDate(0, -2, 0), today.AddDate(1, 0, 0)
		switch {
		case dv.vetting == "expiring" && i == 0:
			expires = today.AddDate(0, 0, 12)
		case dv.vetting == "expired" && i == 0:
			completed, expires = today.AddDate(-1, -1, 0), today.AddDate(0, 0, -20)
		}
		it := &flowcare.VettingItem{VolunteerID: v.ID, Kind: k, Status: flowcare.VettingPending, CompletedOn: completed, ExpiresOn: expires}
		if err := tx.Directory().CreateVetting(ctx, it, ""); err != nil {
			return err
		}
		if err := tx.Directory().SetVettingStatus(ctx, it.ID, flowcare.VettingApproved, nil, "", now); err != nil {
			return err
		}
	}
	return nil
}
