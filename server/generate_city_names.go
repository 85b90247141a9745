package main

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strings"

	"flowcare/internal/flowcare"
)

// Every name made here is invented and says so: people, organisations,
// services and events all end in （生成）.
const genMark = "（生成）"

var surnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")

// Children's and adults' given names share no name, so a child is never
// named like a volunteer, whose name is public.
var (
	boyChars   = []rune("浩宇轩然子博文昊天一泽睿俊杰辰航明阳晨宸嘉奕铭锦皓梓逸凯鑫磊")
	girlChars  = []rune("欣怡梓涵雨萱诗琪佳悦思彤可馨语嘉若一晴心雅紫梦婷妍瑶露蕊晓雪")
	menNames   = strings.Fields("建国 志强 海军 永刚 国华 红军 建华 伟 勇 军 大伟 斌 强 波 涛 志明 亮 鹏 辉 刚 飞 超 小杰 国庆 东 林 峰 立新 卫东 建平")
	womenNames = strings.Fields("秀英 丽 静 敏 燕 艳 娟 霞 芳 玲 红 梅 丹 萍 洁 琳 慧 美华 雪梅 颖 秀兰 桂英 玉兰 春梅 凤 晓燕 丽娟 海燕 淑芬 美玲")
)

func oneOf[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func surname(r *rand.Rand) string { return string(oneOf(r, surnames)) }

// childName is a two- or three-character name after a surname.
func childName(r *rand.Rand, family string, g flowcare.Gender) string {
	chars := girlChars
	if g == flowcare.GenderMale {
		chars = boyChars
	}
	given := string(oneOf(r, chars))
	if r.IntN(4) > 0 {
		given += string(oneOf(r, chars))
	}
	return family + given + genMark
}

func adultName(r *rand.Rand, family string, male bool) string {
	if male {
		return family + oneOf(r, menNames) + genMark
	}
	return family + oneOf(r, womenNames) + genMark
}

// fictionalPhone is a mobile number of the same shape as the demo's, in the
// 138-0000 block the demo already uses for invented people.
func fictionalPhone(r *rand.Rand) string { return fmt.Sprintf("1380000%04d", r.IntN(10000)) }

//go:embed generate_city_origins.csv
var originsCSV string

type origin struct {
	code, province, city, county string
}

// provinceWeights approximate where Beijing's migrant families come from:
// the neighbouring and northern provinces first. Rough shares, not statistics.
var provinceWeights = map[string]float64{
	"河北省": 22, "河南省": 14, "山东省": 9, "安徽省": 6, "黑龙江省": 5, "山西省": 5, "湖北省": 4.5, "内蒙古自治区": 4,
	"辽宁省": 3.5, "四川省": 3.5, "江苏省": 3, "吉林省": 3, "湖南省": 2.5, "陕西省": 2, "甘肃省": 2, "江西省": 1.5,
	"浙江省": 1.5, "天津市": 1.5, "重庆市": 1.5, "福建省": 1, "广东省": 1, "广西壮族自治区": 0.7, "贵州省": 0.7,
	"云南省": 0.6, "新疆维吾尔自治区": 0.4, "上海市": 0.3, "宁夏回族自治区": 0.3, "青海省": 0.2, "海南省": 0.2, "西藏自治区": 0.1,
}

// dialects is the home language a child from a province may speak besides 普通话.
var dialects = map[string]string{
	"河北省": "河北话", "河南省": "河南话", "山东省": "山东话", "安徽省": "安徽话", "黑龙江省": "东北话", "吉林省": "东北话", "辽宁省": "东北话",
	"山西省": "山西话", "湖北省": "湖北话", "内蒙古自治区": "内蒙古话", "四川省": "四川话", "重庆市": "四川话", "江苏省": "江苏话",
	"湖南省": "湖南话", "陕西省": "陕西话", "甘肃省": "甘肃话", "江西省": "江西话", "浙江省": "浙江话", "天津市": "天津话",
	"福建省": "闽南语", "广东省": "粤语", "广西壮族自治区": "粤语", "贵州省": "贵州话", "云南省": "云南话",
	"新疆维吾尔自治区": "维吾尔语", "上海市": "上海话", "宁夏回族自治区": "宁夏话", "青海省": "青海话", "海南省": "海南话", "西藏自治区": "藏语",
}

// loadOrigins reads the counties and a cumulative weight for each, so that a
// province's weight is shared among its counties.
func loadOrigins() ([]origin, []float64, error) {
	var lines []string
	for _, l := range strings.Split(originsCSV, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
	if err != nil || len(recs) < 2 {
		return nil, nil, fmt.Errorf("hukou origins: %v", err)
	}
	perProvince := map[string]int{}
	var out []origin
	for _, r := range recs[1:] {
		if _, ok := provinceWeights[r[1]]; !ok {
			continue
		}
		out = append(out, origin{code: r[0], province: r[1], city: r[2], county: r[3]})
		perProvince[r[1]]++
	}
	cum := make([]float64, len(out))
	sum := 0.0
	for i, o := range out {
		sum += provinceWeights[o.province] / float64(perProvince[o.province])
		cum[i] = sum
	}
	return out, cum, nil
}

var categoryLabels = map[flowcare.Category]string{
	flowcare.CatReadingGuidance: "阅读指导", flowcare.CatLetterCompanionship: "书信陪伴", flowcare.CatRecreation: "文体娱乐",
	flowcare.CatPsychologicalCounsel: "心理疏导", flowcare.CatRehabilitation: "康复训练", flowcare.CatAutismSupport: "孤独症支持",
	flowcare.CatCityIntegration: "城市融入", flowcare.CatPublicCulture: "公共文化", flowcare.CatFamilyEducation: "家庭教育指导",
	flowcare.CatLegalEducation: "法治教育", flowcare.CatOneToOneSupport: "一对一帮扶", flowcare.CatParentEmployment: "家长就业服务",
}

// serviceTitles are what social organisations call their services, by category.
var serviceTitles = map[flowcare.Category][]string{
	flowcare.CatReadingGuidance:      {"周末绘本共读", "阅读陪伴小组", "桥梁书共读营", "亲子阅读工作坊", "社区读书会", "暑期阅读营"},
	flowcare.CatLetterCompanionship:  {"书信伙伴计划", "笔友结对", "远方来信", "一封家书"},
	flowcare.CatRecreation:           {"周末运动营", "童趣手工坊", "小小合唱团", "足球兴趣班", "美术兴趣小组", "戏剧工作坊"},
	flowcare.CatPsychologicalCounsel: {"心理辅导小屋", "情绪管理小组", "成长心理课堂", "心理热线陪伴", "沙盘游戏辅导"},
	flowcare.CatRehabilitation:       {"康复训练营", "言语康复指导", "肢体康复陪练", "感统训练课"},
	flowcare.CatAutismSupport:        {"星星的孩子融合小组", "孤独症家庭支持", "社交技能训练", "融合游戏课"},
	flowcare.CatCityIntegration:      {"城市探索营", "认识北京", "社区小管家", "地铁出行课堂", "融入新家园"},
	flowcare.CatPublicCulture:        {"博物馆之旅", "图书馆探秘", "非遗体验课", "文化游学"},
	flowcare.CatFamilyEducation:      {"家长课堂", "亲子沟通工作坊", "家庭教育咨询", "新手父母学堂"},
	flowcare.CatLegalEducation:       {"少年法学堂", "自我保护课", "防欺凌小课堂", "模拟法庭"},
	flowcare.CatOneToOneSupport:      {"大朋友一对一", "学业辅导结对", "成长导师计划", "爱心陪伴"},
	flowcare.CatParentEmployment:     {"父母就业咨询日", "技能培训推荐", "家政技能课", "求职帮帮团"},
}

var slotTitles = []struct {
	title string
	cat   flowcare.Category
}{
	{"少儿绘本故事会", flowcare.CatReadingGuidance}, {"小小图书管理员", flowcare.CatCityIntegration}, {"亲子共读时光", flowcare.CatFamilyEducation},
	{"科学实验小课堂", flowcare.CatRecreation}, {"博物馆里的城市", flowcare.CatCityIntegration}, {"非遗手工体验", flowcare.CatRecreation},
	{"自然探索课", flowcare.CatRecreation}, {"古籍修复体验", flowcare.CatReadingGuidance}, {"英语绘本角", flowcare.CatReadingGuidance},
	{"小小讲解员", flowcare.CatCityIntegration}, {"周末电影放映会", flowcare.CatRecreation}, {"书法体验课", flowcare.CatRecreation},
}

var eventTitles = []struct {
	title string
	cats  []flowcare.Category
}{
	{"12355 青少年心理健康开放日", []flowcare.Category{flowcare.CatPsychologicalCounsel}},
	{"爱心妈妈结对见面会", []flowcare.Category{flowcare.CatOneToOneSupport, flowcare.CatRecreation}},
	{"新蕊计划家庭教育大讲堂", []flowcare.Category{flowcare.CatFamilyEducation}},
	{"少年法学院：我会保护自己", []flowcare.Category{flowcare.CatLegalEducation}},
	{"城市探索日", []flowcare.Category{flowcare.CatCityIntegration, flowcare.CatPublicCulture}},
	{"集体生日会", []flowcare.Category{flowcare.CatRecreation}},
	{"亲子运动会", []flowcare.Category{flowcare.CatRecreation, flowcare.CatFamilyEducation}},
	{"暑期安全教育", []flowcare.Category{flowcare.CatLegalEducation}},
	{"职业体验日", []flowcare.Category{flowcare.CatCityIntegration}},
	{"社区新春联欢", []flowcare.Category{flowcare.CatRecreation, flowcare.CatCityIntegration}},
	{"科普游园会", []flowcare.Category{flowcare.CatPublicCulture, flowcare.CatRecreation}},
	{"家长就业招聘会", []flowcare.Category{flowcare.CatParentEmployment}},
}

var (
	orgWords       = strings.Fields("晨光 阳光 星火 同行 益心 暖阳 童心 向日葵 启明 新苗 小蜗牛 彩虹 蒲公英 筑梦 点亮 春苗 心桥 乐群 和美 携手 青禾 知行 恒爱 天使 萤火虫 满天星 树人 众仁 善水 博爱")
	socialSuffixes = strings.Fields("社会工作服务中心 儿童关爱服务社 社区服务中心 青少年发展中心 家庭支持服务中心 心理咨询服务中心 公益服务中心 志愿服务协会")
	museumThemes   = strings.Fields("科技 自然 民俗 运河 非遗 航空 交通 农耕 陶瓷 地质 邮政 铁道 消防 中医药 古建筑 书法 电影 汽车 钱币 服饰")
)

var needDescriptions = map[flowcare.Category][]string{
	flowcare.CatReadingGuidance:      {"希望周末有人陪伴阅读", "识字较慢，希望有阅读指导"},
	flowcare.CatLetterCompanionship:  {"父母工作忙，希望有书信伙伴", "想和大朋友通信"},
	flowcare.CatRecreation:           {"喜欢运动，希望参加兴趣活动", "假期在家无人陪伴，希望参加集体活动"},
	flowcare.CatPsychologicalCounsel: {"转学后情绪低落，需要心理疏导", "性格内向，不愿与人交流"},
	flowcare.CatRehabilitation:       {"需要定期康复训练", "言语发育迟缓，需要康复指导"},
	flowcare.CatAutismSupport:        {"孤独症儿童，家长需要支持", "需要社交技能训练"},
	flowcare.CatCityIntegration:      {"刚来北京，希望尽快熟悉城市", "普通话不熟练，需要融入帮助"},
	flowcare.CatPublicCulture:        {"想去博物馆和图书馆", "希望参加图书馆活动"},
	flowcare.CatFamilyEducation:      {"家长希望学习亲子沟通", "家长需要家庭教育指导"},
	flowcare.CatLegalEducation:       {"需要自我保护教育", "曾遇到校园欺凌，需要法治教育"},
	flowcare.CatOneToOneSupport:      {"希望有固定的大朋友一对一陪伴", "学业困难，需要一对一辅导"},
	flowcare.CatParentEmployment:     {"父亲失业，需要就业信息", "母亲希望参加技能培训"},
}

var visitFindings = []string{
	"孩子近况稳定，按时上学，与家长关系良好", "家庭经济较困难，已告知可申请临时救助", "孩子情绪有所好转，愿意参加社区活动",
	"监护人外出务工，由祖辈照料，照料基本到位", "孩子学习跟不上，家长希望有课业辅导", "居住条件拥挤，已联系街道了解住房帮扶",
	"孩子康复训练坚持进行，有进步", "家长对孩子的心理状态有担忧，建议转介心理服务",
}

var visitFollowUps = []string{
	"联系社工机构的周末阅读陪伴小组", "下次走访时了解救助申请进展", "转介心理辅导服务", "与学校班主任沟通", "",
}
