-- +goose Up
-- Beijing, its 16 districts and the Economic-Technological Development Area,
-- with approximate centroids. Streets and communities are imported from CSV.
INSERT INTO areas (id, parent_id, level, name, name_en, path, latitude, longitude) VALUES
    ('110000', NULL, 'CITY', '北京市', 'Beijing', '110000', 39.9042, 116.4074),
    ('110101', '110000', 'DISTRICT', '东城区', 'Dongcheng', '110000/110101', 39.9288, 116.4160),
    ('110102', '110000', 'DISTRICT', '西城区', 'Xicheng', '110000/110102', 39.9123, 116.3660),
    ('110105', '110000', 'DISTRICT', '朝阳区', 'Chaoyang', '110000/110105', 39.9215, 116.4864),
    ('110106', '110000', 'DISTRICT', '丰台区', 'Fengtai', '110000/110106', 39.8584, 116.2870),
    ('110107', '110000', 'DISTRICT', '石景山区', 'Shijingshan', '110000/110107', 39.9056, 116.2229),
    ('110108', '110000', 'DISTRICT', '海淀区', 'Haidian', '110000/110108', 39.9599, 116.2981),
    ('110109', '110000', 'DISTRICT', '门头沟区', 'Mentougou', '110000/110109', 39.9405, 116.1020),
    ('110111', '110000', 'DISTRICT', '房山区', 'Fangshan', '110000/110111', 39.7355, 116.1431),
    ('110112', '110000', 'DISTRICT', '通州区', 'Tongzhou', '110000/110112', 39.9025, 116.6586),
    ('110113', '110000', 'DISTRICT', '顺义区', 'Shunyi', '110000/110113', 40.1301, 116.6545),
    ('110114', '110000', 'DISTRICT', '昌平区', 'Changping', '110000/110114', 40.2207, 116.2312),
    ('110115', '110000', 'DISTRICT', '大兴区', 'Daxing', '110000/110115', 39.7267, 116.3414),
    ('110116', '110000', 'DISTRICT', '怀柔区', 'Huairou', '110000/110116', 40.3163, 116.6318),
    ('110117', '110000', 'DISTRICT', '平谷区', 'Pinggu', '110000/110117', 40.1407, 117.1214),
    ('110118', '110000', 'DISTRICT', '密云区', 'Miyun', '110000/110118', 40.3764, 116.8432),
    ('110119', '110000', 'DISTRICT', '延庆区', 'Yanqing', '110000/110119', 40.4654, 115.9850),
    ('110400', '110000', 'DISTRICT', '北京经济技术开发区', 'Beijing Economic-Technological Development Area', '110000/110400', 39.7950, 116.5060);

-- +goose Down
DELETE FROM areas;
