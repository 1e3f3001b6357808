import JixiaoModel

/// Figures written by hand from reading the seed documents in `../shared/seeds/` (never from
/// the importer's output): the numbers a person would check after importing each file.
struct SeedExpectation {
    struct ProjectFigures {
        var code: String
        var name: String
        var budget: String
        var fiscal: String
        /// `nil` where the document leaves 其他资金 blank.
        var other: String?
        var rows: Int
    }

    /// A cell that must come out exactly as printed: project index, row index, column, text.
    struct SampleCell {
        var project: Int
        var row: Int
        var column: IndicatorRow.Column
        var text: String
    }

    var file: String
    /// `nil` where the document names no budget year (the test passes `--year`).
    var yearInText: Int?
    var unitCode: String
    var unitName: String
    var moneyUnit: MoneyUnit
    var plan: [String]
    var planMode: SpendingPlan.Mode
    var overallGoals: Int
    var subGoals: Int
    var safeguards: Int
    var totalBudget: String
    var projects: [ProjectFigures]
    var cells: [SampleCell]
    var goals: [(project: Int, texts: [String])]
}

enum SeedExpectations {
    /// 秦皇岛市北戴河区西山街道办事处: 21 tables of 9 rows each, plan 25.00%…100.00%, no year in the text.
    static let xishan = SeedExpectation(
        file: "000_8629c2e7eda8849f.txt", yearInText: nil,
        unitCode: "441001", unitName: "秦皇岛市北戴河区西山街道办事处（本级）", moneyUnit: .tenThousandYuan,
        plan: ["25.00", "50.00", "75.00", "100.00"], planMode: .percent,
        overallGoals: 11, subGoals: 7, safeguards: 7, totalBudget: "1475.94",
        projects: [
            .init(code: "130304213ZR3W5GRVM5IR", name: "直选人员及社区工作者工资及保险", budget: "130.97", fiscal: "130.97", other: "0", rows: 9),
            .init(code: "130304216ZF9DL9V7WSRR", name: "春节慰问金", budget: "4.34", fiscal: "4.34", other: "0", rows: 9),
            .init(code: "13030421A0WKGLZPRISQT", name: "民兵基层建设经费", budget: "2.00", fiscal: "2.00", other: "0", rows: 9),
            .init(code: "13030421CARCWGM2NACW6", name: "老居委会主任退休费", budget: "11.78", fiscal: "11.78", other: "0", rows: 9),
            .init(code: "13030421DC1SL2XKGUX3D", name: "社区戒毒（康复）工作经费", budget: "0.50", fiscal: "0.50", other: "0", rows: 9),
            .init(code: "13030421DUAUB6GFHP885", name: "行政综合服务中心经费", budget: "5.00", fiscal: "5.00", other: "0", rows: 9),
            .init(code: "13030421F9IGTO5UGWHFY", name: "自然资源和生态环境保护经费", budget: "3.50", fiscal: "3.50", other: "0", rows: 9),
            .init(code: "13030421G8RKW6DOTD2FF", name: "社区工作经费", budget: "45.68", fiscal: "45.68", other: "0", rows: 9),
            .init(code: "13030421GEC4XVFWT2L1S", name: "基层党建工作经费", budget: "5.00", fiscal: "5.00", other: "0", rows: 9),
            .init(code: "13030421GX31O0ACT3T7X", name: "人事代理经费", budget: "10.50", fiscal: "10.50", other: "0", rows: 9),
            .init(code: "13030421GYTPC798PXO39", name: "人大代表工作经费", budget: "1.00", fiscal: "1.00", other: "0", rows: 9),
            .init(code: "13030421H7HG5RDAVH1ZG", name: "绿化养护经费", budget: "14.22", fiscal: "14.22", other: "0", rows: 9),
            .init(code: "13030421IXCHDWG452NQZ", name: "劳务派遣人员经费", budget: "63.31", fiscal: "63.31", other: "0", rows: 9),
            .init(code: "13030421LEA7NTBFHEY3N", name: "社区换届工作经费", budget: "2.50", fiscal: "2.50", other: "0", rows: 9),
            .init(code: "13030421Q42BHKL45FNTN", name: "服务群众专项经费", budget: "247.35", fiscal: "247.35", other: "0", rows: 9),
            .init(code: "13030421SLOPCVZ37GVZR", name: "自收自支事业人员经费", budget: "217.19", fiscal: "217.19", other: "0", rows: 9),
            .init(code: "13030421T8V1N7ZG3HCGE", name: "军队无军籍退休退职职工退休补贴等", budget: "619.85", fiscal: "619.85", other: "0", rows: 9),
            .init(code: "13030421USF5870ZYWMB7", name: "综合行政执法队", budget: "8.00", fiscal: "8.00", other: "0", rows: 9),
            .init(code: "13030421X3C59ZGK6VQZN", name: "退役军人服务站经费", budget: "3.00", fiscal: "3.00", other: "0", rows: 9),
            .init(code: "13030421X4HKV6UZCCFLF", name: "老旧小区物业管理所需资金及临时工工资", budget: "78.25", fiscal: "78.25", other: "0", rows: 9),
            .init(code: "13030421Y212AVGVOWF9M", name: "安全生产防控经费", budget: "2.00", fiscal: "2.00", other: "0", rows: 9),
        ],
        cells: [
            .init(project: 0, row: 0, column: .level1, text: "产出指标"),
            .init(project: 0, row: 0, column: .name, text: "资金使用率"),
            .init(project: 0, row: 0, column: .description, text: "实际支出的金额占应支出金额的比率"),
            .init(project: 0, row: 0, column: .value, text: "≥90使用率"),
            .init(project: 0, row: 0, column: .basis, text: "工作记录"),
            // A blank level-1 cell means "same as above".
            .init(project: 0, row: 1, column: .level1, text: "产出指标"),
            .init(project: 0, row: 1, column: .level2, text: "质量指标"),
            .init(project: 0, row: 1, column: .value, text: "≥90拨付率"),
            .init(project: 0, row: 4, column: .level1, text: "效益指标"),
            .init(project: 0, row: 4, column: .level2, text: "经济效益指标"),
            .init(project: 0, row: 8, column: .level1, text: "满意度指标"),
            .init(project: 0, row: 8, column: .name, text: "人员满意度（%）"),
            .init(project: 0, row: 8, column: .basis, text: "调查问卷"),
            // Line 392: the cell starts with two spaces of layout.
            .init(project: 2, row: 6, column: .description, text: "通过科学编制预算，严格遵守各项规章制度，提高财政资金的使用效率，做到节俭高效。"),
            // Lines 895–903: a row that blank lines split in three.
            .init(project: 7, row: 1, column: .name, text: "专款专用率"),
            .init(project: 7, row: 1, column: .description, text: "社区工作经费财政拨款专款专用情况"),
            .init(project: 7, row: 1, column: .value, text: "≥90专用率"),
            .init(project: 7, row: 1, column: .basis, text: "发放表"),
            .init(project: 7, row: 8, column: .basis, text: "是否满意"),
            // Line 1678 ends in an ideographic space.
            .init(project: 14, row: 4, column: .description, text: "维护完成率"),
            .init(project: 20, row: 8, column: .name, text: "服务对象问卷测评满意率"),
        ],
        goals: [
            (0, ["按时发放直选人员及社区工作者工资", "提升直选人员及社区工作者服务水平"]),
            (5, ["关于加强乡镇人民政府和街道办事处行政执法规范化建设", "对群众进行普法宣传教育；同时，参加各级业务培训，提升自身业务素质。"]),
        ])

    /// 丰润区燕山路办事处 2023: 11 tables of 7 rows, plan 25%…100%, 其他资金 left blank.
    static let yanshanlu = SeedExpectation(
        file: "001_9a0311abce8b0d69.txt", yearInText: 2023,
        unitCode: "435001", unitName: "丰润区燕山路办事处本级", moneyUnit: .tenThousandYuan,
        plan: ["25", "50", "75", "100"], planMode: .percent,
        overallGoals: 1, subGoals: 7, safeguards: 11, totalBudget: "423.53",
        projects: [
            .init(code: "13020823P00018410001J", name: "2022年街道体制经费", budget: "56.25", fiscal: "56.25", other: nil, rows: 7),
            .init(code: "13020823P000182100017", name: "2023年街道体制经费", budget: "67.00", fiscal: "67.00", other: nil, rows: 7),
            .init(code: "13020823P00018610001X", name: "（2）防疫工作经费", budget: "15.62", fiscal: "15.62", other: nil, rows: 7),
            .init(code: "13020823P000185100018", name: "（2）专项奖励资金", budget: "100.00", fiscal: "100.00", other: nil, rows: 7),
            .init(code: "13020823P00017910001P", name: "财政所经费", budget: "2.00", fiscal: "2.00", other: nil, rows: 7),
            .init(code: "13020823P00025510001A", name: "社区工作经费", budget: "140.00", fiscal: "140.00", other: nil, rows: 7),
            .init(code: "13020823P00018010001U", name: "省专班环保工作经费", budget: "20.00", fiscal: "20.00", other: nil, rows: 7),
            .init(code: "13020823P00018710001K", name: "统计专项业务经费", budget: "2.00", fiscal: "2.00", other: nil, rows: 7),
            .init(code: "13020823P000178100012", name: "燕办十一小区日常维护、路灯电费", budget: "8.80", fiscal: "8.80", other: nil, rows: 7),
            .init(code: "13020823P00017710001C", name: "燕办四术后遗症、计生业务费", budget: "8.86", fiscal: "8.86", other: nil, rows: 7),
            .init(code: "13020823P00018110001H", name: "征兵工作经费", budget: "3.00", fiscal: "3.00", other: nil, rows: 7),
        ],
        cells: [
            .init(project: 0, row: 1, column: .value, text: "优"),
            .init(project: 0, row: 2, column: .value, text: "2023年底前完成"),
            .init(project: 0, row: 3, column: .level1, text: "产出指标"),
            .init(project: 0, row: 3, column: .level2, text: "成本指标"),
            .init(project: 0, row: 3, column: .value, text: "≤46875元/月"),
            .init(project: 3, row: 3, column: .value, text: "≤25万/季度"),
            .init(project: 5, row: 3, column: .value, text: "≤8500元/月/社区"),
            .init(project: 6, row: 3, column: .value, text: "≤1.82万元/辆"),
            .init(project: 7, row: 1, column: .value, text: "≥95％"),
            .init(project: 7, row: 3, column: .level2, text: "成本指标"),
            .init(project: 7, row: 3, column: .name, text: "经济成本指标"),
            .init(project: 9, row: 5, column: .value, text: "每季度1次"),
            .init(project: 10, row: 2, column: .value, text: "2023年12月31日前完成"),
            .init(project: 10, row: 2, column: .description, text: "根据上级要求,按时完成"),
            .init(project: 10, row: 6, column: .level1, text: "满意度指标"),
            .init(project: 10, row: 6, column: .level2, text: "服务对象满意度指标"),
        ],
        goals: [
            // Lines 242–247: tabs and a blank line inside the cell.
            (1, ["按照区委区政府要求做好街道办事处日常工作", "保证辖区正常运转，宣传到位，更好地为广大居民服务", "保证辖区内居民满意、社区环境和谐"]),
            (2, ["完成疫苗接种", "接种费用发放到位", "辖区居民满意"]),
        ])

    /// 秦皇岛市北戴河区行政审批局 with tables 8–12 of its 政务服务中心 (630003): 12 tables, no year in the text.
    static let shenpiju = SeedExpectation(
        file: "003_05fc0a897a5abc98.txt", yearInText: nil,
        unitCode: "630001", unitName: "秦皇岛市北戴河区行政审批局(本级)", moneyUnit: .tenThousandYuan,
        plan: ["25.00", "50.00", "75.00", "100.00"], planMode: .percent,
        overallGoals: 2, subGoals: 6, safeguards: 8, totalBudget: "294.98",
        projects: [
            .init(code: "13030421516VGXXZYNQI3", name: "人事代理人员经费", budget: "118.73", fiscal: "118.73", other: "0", rows: 11),
            .init(code: "130304215CGIHFG84PB2T", name: "审批业务专项经费", budget: "10.00", fiscal: "10.00", other: "0", rows: 9),
            .init(code: "130304219067FR8MPUIIH", name: "劳务派遣人员经费", budget: "86.32", fiscal: "86.32", other: "0", rows: 11),
            .init(code: "13030421EGZEOHRQT2VKG", name: "刻章费", budget: "12.00", fiscal: "12.00", other: "0", rows: 9),
            .init(code: "13030421EPGFHUORODNNK", name: "审批业务其他经费", budget: "10.00", fiscal: "10.00", other: "0", rows: 9),
            .init(code: "13030421IYTWOS64OGX2W", name: "审批局代理记账、专网费", budget: "10.84", fiscal: "10.84", other: "0", rows: 9),
            .init(code: "13030421PM531GAOK2V2U", name: "专家评审费", budget: "10.00", fiscal: "10.00", other: "0", rows: 9),
            .init(code: "13030421516VGXXZYNQI3", name: "人事代理人员经费", budget: "10.25", fiscal: "10.25", other: "0", rows: 11),
            .init(code: "130304215MVWCXKQHLVIT", name: "政务大厅疫情防控经费", budget: "2.00", fiscal: "2.00", other: "0", rows: 9),
            .init(code: "130304216XX0CBWV94DPC", name: "免费复印、免费邮寄费", budget: "5.00", fiscal: "5.00", other: "0", rows: 9),
            .init(code: "130304219067FR8MPUIIH", name: "劳务派遣人员经费", budget: "14.84", fiscal: "14.84", other: "0", rows: 11),
            .init(code: "13030421BYBETC3YLB6LN", name: "政务服务专项经费", budget: "5.00", fiscal: "5.00", other: "0", rows: 9),
        ],
        cells: [
            .init(project: 0, row: 0, column: .value, text: "≥30人"),
            .init(project: 0, row: 0, column: .basis, text: ""),
            // A repeated level 2 (质量指标 on two rows).
            .init(project: 0, row: 2, column: .level2, text: "质量指标"),
            .init(project: 0, row: 2, column: .name, text: "社会保障（公积金）缴纳的准确性"),
            .init(project: 0, row: 2, column: .value, text: "≥100百分比"),
            .init(project: 0, row: 3, column: .value, text: "≥100按规定时间发放"),
            .init(project: 0, row: 10, column: .value, text: "≥90百分比"),
            // Lines 246–252: a row split by a blank line; line 221 starts with a space.
            .init(project: 1, row: 4, column: .description, text: "基础设施建成后的利用、使用情况"),
            .init(project: 1, row: 4, column: .value, text: "≥95百分比"),
            .init(project: 1, row: 0, column: .description, text: "保障日常事务高效运转"),
            .init(project: 8, row: 2, column: .description, text: "按照要求和计划完成研究任务的项目在所有立项项目中的比例（百分比）"),
            .init(project: 9, row: 1, column: .value, text: "≥99百分比"),
        ],
        goals: [
            // Lines 667–669: the author's own numbering after the printed one.
            (5, ["1、保障财务工作顺利进行", "2、保障专网工作顺利进行"]),
            (11, ["保证大厅各窗口的专网运行。", "保障机关正常工作高效运转。保障中心各项业务宣传。"]),
        ])

    static let all = [xishan, yanshanlu, shenpiju]
}
