/// Word lists the synthetic generator draws from: plausible department text, not lorem ipsum,
/// so screens and benchmarks see realistic CJK widths and lengths. Every place name is
/// fictional and prefixed by the fictional 示例市.
enum SyntheticVocabulary {
    static let city = "示例市"
    static let districts = ["青湖区", "松岭区", "云台区", "临川区", "白石区", "南浦区", "望江区", "石门区"]
    static let streets = ["柳岸", "桃溪", "枫林", "竹园", "梅坞", "兰亭", "荷塘", "杏花", "芦洲", "桂苑",
                          "槐荫", "榆林", "清泉", "鹤鸣", "燕归", "石桥", "翠屏", "溪口", "长堤", "新塘"]
    static let bureaus = ["民政局", "城市管理局", "卫生健康局", "文化和旅游局", "退役军人事务局", "应急管理局",
                          "行政审批局", "教育局", "人力资源和社会保障局", "生态环境分局"]
    static let communities = ["东苑社区", "西河社区", "南湖社区", "北塘社区", "花园社区", "新村社区",
                              "滨江社区", "学府社区", "铁路社区", "工人村社区", "春晖社区", "锦绣社区"]

    /// One kind of budget project.
    struct Topic {
        var name: String
        /// What the indicators count or measure, e.g. `慰问对象`.
        var subject: String
        /// The counting word for `subject`, e.g. `户`.
        var unit: String
        var purpose: String
        var goals: [String]
    }

    static let topics: [Topic] = [
        Topic(name: "社区工作者工资及保险", subject: "社区工作者", unit: "人",
              purpose: "保障社区工作者基本工资、绩效补贴及社会保险按月足额发放。",
              goals: ["按月足额发放社区工作者工资", "按时缴纳社会保险", "提升社区服务水平"]),
        Topic(name: "春节慰问金", subject: "慰问对象", unit: "户",
              purpose: "春节前走访慰问辖区低保、特困、重度残疾等困难家庭，发放慰问金和慰问品。",
              goals: ["春节前完成困难家庭走访慰问", "慰问金发放到户到人"]),
        Topic(name: "民兵基层建设经费", subject: "基干民兵", unit: "人",
              purpose: "用于基干民兵整组点验、军事训练和国防教育宣传。",
              goals: ["完成民兵整组点验", "组织民兵军事训练"]),
        Topic(name: "辖区环境卫生保洁经费", subject: "保洁点位", unit: "个",
              purpose: "用于背街小巷和老旧小区公共区域日常保洁及垃圾清运。",
              goals: ["背街小巷保洁全覆盖", "生活垃圾日产日清"]),
        Topic(name: "安全生产巡查经费", subject: "生产经营单位", unit: "家",
              purpose: "用于辖区生产经营单位安全检查、隐患整改督办和安全培训。",
              goals: ["安全检查全覆盖", "隐患及时整改", "全年不发生较大安全事故"]),
        Topic(name: "老旧小区路灯维护及电费", subject: "路灯", unit: "盏",
              purpose: "支付老旧小区公共照明电费，维修更换损坏路灯。",
              goals: ["公共照明正常运行", "损坏路灯及时维修"]),
        Topic(name: "社区工作经费", subject: "社区", unit: "个",
              purpose: "保障社区办公、水电暖和党群服务中心运转及居民活动开展。",
              goals: ["保障社区党群服务中心运转", "支持社区开展居民活动"]),
        Topic(name: "统计专项业务经费", subject: "统计调查项目", unit: "项",
              purpose: "用于统计调查入户补助、资料印制和调查员培训。",
              goals: ["按时完成统计调查任务", "统计数据真实准确"]),
        Topic(name: "征兵工作经费", subject: "应征青年", unit: "人",
              purpose: "用于征兵宣传、体检政审和入伍欢送等工作。",
              goals: ["完成上级下达的征兵任务", "做好兵役登记"]),
        Topic(name: "禁毒宣传工作经费", subject: "禁毒宣传活动", unit: "场",
              purpose: "开展禁毒宣传进社区、进校园活动，落实社区康复人员帮教。",
              goals: ["开展禁毒宣传教育", "落实社区康复人员帮教措施"]),
        Topic(name: "城乡最低生活保障资金", subject: "低保对象", unit: "人",
              purpose: "按月发放城乡低保对象最低生活保障金。",
              goals: ["应保尽保、按月足额发放", "低保对象动态管理"]),
        Topic(name: "居家养老服务补贴", subject: "受助老年人", unit: "人",
              purpose: "为经济困难的高龄、失能老年人购买居家上门服务。",
              goals: ["为困难老年人提供上门服务", "养老服务站规范运营"]),
        Topic(name: "残疾人两项补贴", subject: "补贴对象", unit: "人",
              purpose: "按月发放困难残疾人生活补贴和重度残疾人护理补贴。",
              goals: ["两项补贴按月足额发放", "应补尽补"]),
        Topic(name: "婚姻登记服务保障经费", subject: "婚姻登记", unit: "件",
              purpose: "保障婚姻登记大厅运行、登记系统维护和证件印制。",
              goals: ["婚姻登记依法规范办理", "开展婚姻家庭辅导"]),
        Topic(name: "公共文化活动经费", subject: "文化活动", unit: "场",
              purpose: "组织广场文艺演出、全民阅读和非遗展示等公共文化活动。",
              goals: ["丰富群众文化生活", "公共文化设施免费开放"]),
        Topic(name: "基层医疗卫生服务经费", subject: "签约居民", unit: "人",
              purpose: "用于家庭医生签约服务、慢性病随访和健康教育。",
              goals: ["提高家庭医生签约覆盖面", "规范慢性病随访管理"]),
        Topic(name: "应急物资储备经费", subject: "应急物资", unit: "件",
              purpose: "采购和更新防汛、消防等应急物资，维护应急物资仓库。",
              goals: ["应急物资储备充足", "突发事件物资保障及时"]),
        Topic(name: "政务服务大厅运行经费", subject: "办件", unit: "件",
              purpose: "保障政务服务大厅窗口运行、设备维护和导办服务。",
              goals: ["政务服务事项一窗受理", "办件按时办结"]),
        Topic(name: "退役军人服务保障经费", subject: "退役军人", unit: "人",
              purpose: "用于退役军人走访慰问、就业培训和服务站运行。",
              goals: ["落实退役军人优待政策", "开展退役军人就业培训"]),
        Topic(name: "网格化管理运行经费", subject: "网格", unit: "个",
              purpose: "保障社区网格员补贴、网格巡查和信息平台运行。",
              goals: ["网格巡查全覆盖", "事件及时发现处置"]),
    ]

    static let overallGoals = [
        "加强社区建设，做好指导、协调、组织、管理社区建设工作。",
        "抓好基层党组织建设，组织党员干部集中学习，推进党建特色品牌创建。",
        "做好民政、残联和退役军人服务工作，确保困难群众基本生活。",
        "加强市容环境卫生管理，背街小巷保洁全覆盖。",
        "加强安全生产监管，全年不发生较大及以上安全事故。",
        "深化“放管服”改革，政务服务事项按时办结。",
        "统筹疫情防控和公共卫生服务，提升居民健康水平。",
        "完成上级党委、政府交办的其他事项。",
    ]

    /// Title, goal, indicator text; duty and standard where a document has them.
    static let subGoals: [(title: String, goal: String, indicator: String, duty: String?, standard: String?)] = [
        ("坚持党建引领，提升基层组织力", "开展党员走访慰问和党员服务岗活动，推进社区“两委”规范化建设。",
         "党员集中学习不少于12次，党组织评星定级达标率不低于90%。", nil, nil),
        ("加强社区治理，提升为民服务水平", "推进网格化管理，居民服务事项一站受理、限时办结。",
         "服务事项按期办结率不低于95%，居民满意度不低于90%。", "负责社区建设和社区服务工作。", "办结率达到95%以上的为优。"),
        ("兜牢民生底线", "落实低保、特困供养和临时救助政策，做到应保尽保。",
         "救助对象认定准确率不低于98%，资金按月发放。", nil, "认定准确率达到98%以上的为优，95%以上的为良。"),
        ("加大安全生产和环境整治力度", "加强日常巡查，及时消除隐患；落实保洁责任。",
         "安全检查覆盖率100%，隐患整改率不低于98%。", "负责辖区安全生产监督检查。", nil),
        ("做好信访维稳工作", "落实初信初访首接首办责任，化解矛盾纠纷。",
         "化解信访事项不少于10件，初信初访化解率100%。", nil, nil),
        ("丰富群众文化生活", "组织群众性文化活动，公共文化设施免费开放。",
         "全年开展文化活动不少于24场。", nil, nil),
    ]

    static let safeguards = [
        "加强组织领导。主要负责同志负总责，分管领导具体抓，各科室负责具体目标的落实。",
        "完善制度建设。细化工作方案，制定资金管理办法，明确责任主体和进度要求。",
        "加强支出管理。优化支出结构，编细编实预算，确保支出进度达标。",
        "加强运行监控。按季度监控预算执行和绩效目标完成情况，发现偏差及时纠正。",
        "做好绩效自评。年度终了开展绩效自评，结果作为下年度预算安排的参考。",
        "规范财务资产管理。严格审批程序，加强固定资产登记、使用和处置管理。",
    ]

    static let plannedBases = ["计划标准", "年初计划", "工作计划"]
    static let recordBases = ["工作记录", "历史标准", "行业标准"]
    static let costBases = ["预算支出标准", "历史标准", "经验标准"]
    static let surveyBases = ["调查问卷", "问卷调查"]
}
