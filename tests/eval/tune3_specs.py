"""TUNE3 set specs for supportbot triage (issue 12 §2, third round): hand-written from
../shared/corpus/GUIDE.md and labelled BEFORE any rule saw them. New trades (warehouse, clinic,
school, factory floor, retail, law office), new systems (ERP, POS, MES, HIS, CAD, SAP, 钉钉,
企业微信, 用友, 金蝶), managers writing for their team, requests on behalf of others, head counts
in words, relative and absolute deadlines, stated and denied workarounds, hedges, reply-all
chains, and the P1/P2/P3 boundaries of GUIDE §4 densely. Build with:
    python3 ../../../shared/corpus/tools/build.py tune3_specs.py tune3
(run from tests/eval). Content is synthetic; all addresses use reserved example domains.
This set may be used for tuning; the held-out set (tests/eval/holdout) may not."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specs_kit import (BIG5, DISCLAIMER, SIG_HUAWEI, SIG_IPHONE_EN, SIG_IPHONE_ZH, Kit,  # noqa: E402,F401
                       quote_163, quote_gmail_en, quote_outlook_en, quote_outlook_zh, quote_qq,
                       simple_original)

SEED = 3312
kit = Kit()
MAILS = kit.MAILS
M, R = kit.M, kit.R
SIG_XIAOMI = "\n\n来自小米手机"
SIG_DINGTALK = "\n\n-- 通过钉钉邮箱发送"

# ================================================================ hardware
R("hardware", "P1", "zh", ("仓储部 马经理", "ma.cc@example.test"), "出库口的打包秤都坏了",
  """出库口四台打包称重一体机从七点半开始全部显示 E5，称不了重就出不了面单，今天上午的出库全部卡住，三十来个打包员在干等。""",
  "warehouse shipping stopped, several devices, ~30 people -> P1")
R("hardware", "P3", "zh", ("门诊 护士长", "hushizhang@example.test"), "分诊台的读卡器不读医保卡",
  """分诊台那台读卡器插医保卡没反应，灯也不亮。门诊就这一个分诊台，另一个窗口的读卡器能用，病人先排到那边去了，但是队很长。""",
  "clinic, one reader down, the other window works (workaround) -> P3")
R("hardware", "P2", "en", ("Laura Finch", "laura.finch@example.test"), "Laptop won't boot - hearing at 2pm",
  """My laptop is stuck on the manufacturer logo and won't go any further. All my case bundles for the 2 pm hearing are on it and I'm at court already. I have no other machine here.""",
  "law office, one person blocked, hard near deadline -> P2")
R("hardware", "P3", "en", ("Sam Okafor", "sam.okafor@example.test"), "second monitor flickering",
  """My second monitor flickers every few minutes. I've moved everything to the main screen for now, so I can work, it's just slower.""",
  "workaround stated -> P3")
R("hardware", "P1", "zh", ("三车间 班长老周", "zhou.bz@example.test"), "车间扫码枪全部连不上工位机",
  """三车间流水线上的扫码枪，一共十二把，今天早上全部没反应了，换了电池也不行。MES 报工全靠扫码，现在线上报不了工，班长说下一道工序不让进。""",
  "factory floor, 12 devices, production reporting stopped -> P1")
R("hardware", "P4", "zh", ("教务处 吴老师", "wu.jw@example.test"), "投影仪遥控器",
  """203 教室投影仪的遥控器有个按键掉了，其他都能用，直接按机身按钮也行。下次来巡检的时候顺便带一个新的就行，不急。""",
  "cosmetic/minor, fully usable, nothing impaired -> P4")
R("hardware", "P3", "zh", ("前台 小郑", "zheng.qt@example.test"), "收银电脑开不了机",
  """店里的收银电脑按电源没反应。我们店有两台收银，另一台还能收，不过周末人多排长队。""",
  "one of two tills down, the other still takes payments (workaround) -> P3")
R("hardware", "P2", "mixed", ("Vivian 潘", "vivian.pan@example.test"), "label printer 又卡了",
  """仓库 B 区的 label printer 又卡纸了，拆开也拿不出来。B 区只有这一台，the other zones have their own so they're fine。我们这边四个人今天的拣货单都打不出来。""",
  "one zone (4 people) blocked, other zones fine -> small group -> P2")
R("hardware", "P3", "zh", ("李医生", "li.ys@example.test"), "诊室打印机打不清楚",
  """我诊室的小打印机打处方字很淡，换了色带还是淡。现在先让病人拿到护士站那台去打。""",
  "clinic, workaround stated -> P3")
R("hardware", "P1", "en", ("Store Manager - Riverside", "riverside.store@example.test"), "All tills down at Riverside",
  """Every till at the Riverside store froze at the same time about 15 minutes ago and they won't restart, the card readers are dark too. We have a queue out the door and can't take a single payment.""",
  "retail POS stopped for a whole store -> P1")
R("hardware", "P2", "en", ("Grace (for Dr. Hale)", "grace.ops@example.test"), "Dr. Hale's dictation headset",
  """Writing on behalf of Dr. Hale: the dictation headset she uses has stopped working (no sound in or out) and she has a full clinic list this afternoon with notes to dictate after each patient. There's no spare in the department.""",
  "on behalf of one person, blocked on essential work, no spare -> P2")
R("hardware", "P3", "zh", ("财务 钱", "qian.cw@example.test"), "键盘回车键失灵",
  """键盘回车键有时候按了没反应，要按两次。先用小键盘的回车凑合。""",
  "workaround -> P3")
R("hardware", "P2", "zh", ("设计部 杨", "yang.sj@example.test"), "工作站蓝屏后开不了机",
  """画图的工作站昨晚关机前一切正常，今天开机后风扇狂转，屏幕没有信号，主板上有个红灯常亮。CAD 图纸都在本地盘里，明天上午要交甲方，我换别的电脑也打不开我的图纸。""",
  "one person, device dead (no signal, red LED), deadline tomorrow morning -> hardware P2")
R("hardware", "P3", "en", ("Ken", "ken.w@example.test"), "Re: Re: scanner at reception",
  """Still doing it - the scanner at reception jams on every third sheet. We scan one page at a time meanwhile, which works.""",
  "reply chain, workaround stated -> P3",
  quote=quote_outlook_en("IT Support", "support@example.test", "Tuesday, 4 March 2025 16:02", "Ken", "RE: scanner at reception", "Hi Ken, we cleaned the rollers. Let us know if it keeps jamming."))
R("hardware", "P1", "zh", ("行政 钟", "zhong.xz@example.test"), "五楼显示器大面积黑屏",
  """上周统一换的那批新显示器，今天早上五楼大概半个办公室的人都黑屏了，电脑主机是开着的，换了线换了接口都不亮，现在这些人都干不了活。""",
  "half the floor's monitors dead (devices) -> hardware; breadth -> P1")
R("hardware", "P4", "en", ("Mia", "mia.t@example.test"), "laptop sticker",
  """The asset sticker on the bottom of my laptop is peeling off. Works fine, nothing wrong. Do you want me to bring it by for a new one sometime?""",
  "nothing impaired -> P4 (asset sticker is cosmetic on the device)")
R("hardware", "P2", "zh", ("小宋", "song.x@example.test"), "笔记本充不进电",
  """笔记本插电源不充电，电量还剩百分之十。今天一整天在客户那儿做培训，附近买不到这个型号的充电器。""" + SIG_IPHONE_ZH,
  "one person about to be blocked, no workaround -> P2")
R("hardware", "P3", "zh", ("老师 曹", "cao.ls@example.test"), "教室电脑很卡",
  """301 教室的电脑开机要十几分钟，开个 PPT 也要好久，这台电脑应该有七八年了。上课前提前开机能用，就是等得久。""",
  "whole PC slow, old machine -> hardware; usable -> P3")
R("hardware", "P2", "en", ("Anton", "anton.g@example.test"), "forklift terminal cracked",
  """The screen on my forklift terminal cracked this morning and the touch doesn't respond any more. I can't confirm any putaways without it. The other drivers are fine, there's no spare terminal in the warehouse.""",
  "one driver blocked, no spare -> P2")
R("hardware", "P3", "mixed", ("Derek 孙", "derek.sun@example.test"), "office 里的 copier 有问题",
  """三楼 copier 复印出来有黑边，打印是正常的。我们先用四楼那台复印，not a big deal but please fix。""",
  "workaround stated -> P3")
R("hardware", "P2", "mixed", ("Iris 白", "iris.bai@example.test"), "MacBook 键盘全失灵",
  """我的 MacBook keyboard 整个没反应了, trackpad 也不行，外接键盘也识别不到。All my work is on it，今天 deadline 是 6pm 的投标文件。""",
  "one person blocked, deadline today -> P2")
R("hardware", "P1", "zh", ("药房 主任", "yaofang@example.test"), "药房的发药机停了",
  """门诊药房的自动发药机和旁边两台配药打印机同时死机，屏幕上报"机械臂故障 E201"，重启也不行，现在全院门诊的药都发不出来，病人都在窗口等。""",
  "clinic core service stopped, several devices -> P1")
R("hardware", "P3", "zh", ("HR 小冯", "feng.hr@example.test"), "考勤机有时候认不出脸",
  """一楼考勤机最近老是认不出脸，要试好几次，有的同事就改成刷卡了。""",
  "degraded, workaround (card) -> P3")
R("hardware", "P4", "zh", ("小侯", "hou.x@example.test"), "电脑风扇声音",
  """电脑风扇声音比以前大了一点点，其他一切正常，问一下要不要清灰，不用特意过来。""",
  "nothing impaired, question -> P4")
R("hardware", "P2", "zh", ("律所 秘书 朱", "zhu.ms@example.test"), "替张律师报修：打印机打不了",
  """替张律师报一下：他办公室那台打印机一直显示"硒鼓错误"，打不出来。下午三点要开庭，材料还有二十多页要打，其他楼层的打印机没有装他的驱动。""",
  "on behalf of one lawyer, hard near deadline, workaround denied -> P2")
R("hardware", "P3", "en", ("Bella", "bella.r@example.test"), "USB ports on my desktop",
  """Two of the front USB ports on my desktop stopped working. The back ones are fine so I just plugged the mouse there.""",
  "workaround -> P3")

# ================================================================ software
R("software", "P1", "zh", ("财务经理 林", "lin.cwjl@example.test"), "用友凭证全部保存不了",
  """财务部十来个人从早上开始在用友 U8 里保存凭证都报"数据库连接对象错误"，别的系统都正常，网也没问题。今天是月结最后一天，整个部门停着。""",
  "app error, whole department, month-end -> P1")
R("software", "P2", "zh", ("出纳 小陆", "lu.cn@example.test"), "金蝶打印凭证报错",
  """金蝶打印凭证的时候报"套打模板加载失败"，就我一个人这样，同事都正常。今天下班前要交银行的付款单据，只能从金蝶里打。""",
  "one person, deadline today, no workaround -> P2")
R("software", "P3", "zh", ("仓管 小秦", "qin.cg@example.test"), "ERP 报表导出很慢",
  """ERP 里导出库存报表要等十分钟，以前一分钟。能导出来，就是慢，其他功能都正常。""",
  "one function slow, works -> P3")
R("software", "P1", "en", ("Plant Supervisor", "plant.sup@example.test"), "MES down on all lines",
  """MES has been throwing "Service unavailable (503)" on every terminal on the floor since the shift change, all four lines. Operators can't start work orders, so the lines are stopped. The network team says the switches are fine.""",
  "app error, whole factory stopped -> P1")
R("software", "P2", "en", ("Nurse Adams", "adams.rn@example.test"), "HIS keeps crashing on my ward PC",
  """The HIS client crashes every time I open the medication chart on the ward PC. The other PC on the ward works but a colleague is using it for admissions all shift, so I can't chart anything.""",
  "app crash, workaround denied (other PC taken), one person essential -> P2")
R("software", "P3", "en", ("Oliver Park", "oliver.park@example.test"), "Outlook search broken",
  """Search in Outlook returns nothing for anything older than a week. I'm using the web version to search for now.""",
  "webmail workaround -> P3")
R("software", "P1", "zh", ("门店运营 邓", "deng.yy@example.test"), "全部门店 POS 收银软件打不开",
  """早上开始所有门店的收银软件一打开就报"许可证校验失败"，二十几家店都收不了款，店长们都在群里喊。""",
  "licence error, all stores stopped -> software P1")
R("software", "P2", "mixed", ("Tony 黄", "tony.huang@example.test"), "SAP GUI 登进去就 crash",
  """SAP GUI 登进去两秒就 crash, reinstall 过了也一样。同事的电脑正常。I need to post the goods receipts before the truck leaves at 4pm。""",
  "app crash one person, hard near deadline -> P2")
R("software", "P4", "zh", ("小甘", "gan.x@example.test"), "钉钉的头像显示不对",
  """钉钉上我的头像还是老照片，已经换过了，好像没刷新。不影响使用，有空看看。""",
  "cosmetic -> P4")
R("software", "P3", "zh", ("教务 冯老师", "feng.ls@example.test"), "排课系统导出的表格乱码",
  """排课系统导出的 Excel 中文全是乱码，我先在网页上截图发给老师们了，下周一前弄好就行。""",
  "workaround, far deadline -> P3")
R("software", "P2", "zh", ("技术部 唐工", "tang.jsb@example.test"), "CAD 打开图纸就卡死",
  """中望 CAD 一打开那张总图就卡死，任务管理器里显示未响应。我们组三个人都这样，都是同一个项目的图纸，明天上午评审。""",
  "small group (3) blocked, deadline tomorrow -> P2")
R("software", "P3", "en", ("Chloe", "chloe.d@example.test"), "Teams camera not detected",
  """Teams says no camera found, but the camera works in the Windows camera app. I joined today's call by phone. Can someone look at it this week?""",
  "app setting/driver, workaround -> P3")
R("software", "P2", "en", ("Marcus Bell", "marcus.bell@example.test"), "Case management system error",
  """Every time I try to file in the case management system I get "An unexpected error has occurred (ref 0x8004)". Filing deadline with the court is 5 pm today and I have two filings left. My colleagues can file.""",
  "app error one person, deadline today -> P2")
R("software", "P3", "zh", ("小包", "bao.x@example.test"), "企业微信电脑版收不到图片",
  """企业微信电脑版别人发的图片一直转圈加载不出来，文字消息正常，手机上能看图片。""",
  "partial function, phone workaround -> P3")
R("software", "P1", "zh", ("客服中心 主管", "kfzg@example.test"), "客服系统全员白屏",
  """客服中心四十多个坐席打开工单系统都是白屏，按 F5 也一样，别的网站都能打开。现在客户电话进来查不了单，只能先记在纸上。""",
  "app white screen, 40 agents, core business -> P1")
R("software", "P4", "en", ("Hugo", "hugo.l@example.test"), "wrong logo in the intranet footer",
  """The intranet footer still shows the old company logo. Nothing's broken, just looks dated.""",
  "cosmetic -> P4")
R("software", "P3", "zh", ("收银 小谭", "tan.sy@example.test"), "会员系统扫码报错",
  """我们店的会员系统扫会员码一直报"签名校验失败"，收银能收但会员积分加不上，顾客在投诉。店里就一个收银员在用，别的店没事。""",
  "one store, payment works, only loyalty points fail (non-core) -> P3")
R("software", "P3", "mixed", ("Cindy 罗", "cindy.luo@example.test"), "Excel macro 报错",
  """我的 Excel macro 跑到一半报 "Run-time error 1004"，手动做也行，就是多花半小时。No rush。""",
  "manual workaround, hedge -> P3")
R("software", "P2", "zh", ("实验室 孔", "kong.sys@example.test"), "检验系统打不开报告",
  """检验科的 LIS 在我这台电脑上打不开报告，一点就报"对象引用未设置到对象的实例"。今天值班就我一个人，报告发不出去，急诊在等结果。""",
  "one person, essential work blocked, no one else -> P2")
R("software", "P3", "zh", ("小牛", "niu.x@example.test"), "电脑老是弹更新重启",
  """Windows 老是弹出来要重启更新，点了推迟过一会儿又弹，很烦，能不能设置一下。""",
  "annoyance, usable -> P3")
R("software", "P2", "en", ("Ella (for the night shift)", "ella.ns@example.test"), "WMS scanner app crashes",
  """Passing this on for the two night-shift pickers: the WMS app on their scanners crashes when they confirm a pick. The day shift scanners are fine. They can't finish tonight's orders without it.""",
  "on behalf of a small group (2), blocked -> P2")
R("software", "P4", "zh", ("小樊", "fan.x@example.test"), "OA 的提示语写错了",
  """OA 请假页面提示"请选择开使日期"，"开始"写错成"开使"了。""",
  "typo in app -> software P4")
R("software", "P3", "en", ("Ryan", "ryan.c@example.test"), "PDF printer missing",
  """The 'Microsoft Print to PDF' option disappeared from my print list. I can still export to PDF from Word directly, so it's fine for now.""",
  "workaround -> P3")
R("software", "P1", "mixed", ("Jason 吴", "jason.wu@example.test"), "ERP 全公司登不进",
  """ERP 从九点开始全公司都进不去，报 "Database is in recovery mode"，网络 OK，其他系统 OK。采购、仓库、财务 all stopped。""",
  "app back-end error, company-wide -> software P1")
R("software", "P3", "zh", ("小饶", "rao.x@example.test"), "回复：回复：钉钉考勤打卡失败",
  """还是不行，钉钉打卡提示"不在考勤范围"，我人就在办公室。先让主管帮我补卡了。""",
  "reply chain, app fault, workaround (manual correction) -> P3",
  quote=quote_qq("IT服务台", "support@example.test", "2025年3月6日(星期四) 上午9:12", "小饶", "回复：钉钉考勤打卡失败", "您好，请更新钉钉到最新版本再试。"))

# ================================================================ network
R("network", "P1", "zh", ("仓库 孟主管", "meng.ck@example.test"), "仓库整个断网了",
  """仓库那边有线无线全部断了，手持终端和电脑都上不了网，WMS 连不上，装车全停了。办公楼这边网是好的。""",
  "warehouse site offline, shipping stopped -> P1")
R("network", "P2", "zh", ("销售 小高", "gao.xs@example.test"), "VPN 连不上",
  """出差在酒店，VPN 一直提示"连接尝试失败"，酒店网页能打开。今天要在系统里下单，不连 VPN 下不了。""",
  "one remote person blocked, essential -> P2")
R("network", "P3", "zh", ("小施", "shi.x@example.test"), "会议室 WiFi 很慢",
  """二楼小会议室的 WiFi 很慢，网页要转好久，插网线就很快。""",
  "wired workaround -> P3")
R("network", "P1", "en", ("School Office", "office@school.example.test"), "No internet in the whole school",
  """Since first period there's no internet anywhere in the school: staff laptops, the classroom boards and the office PCs all say no internet. Online exams for year 11 start at 10:30.""",
  "whole site offline -> P1")
R("network", "P2", "en", ("Paul (paralegal)", "paul.pl@example.test"), "can't reach the document server",
  """From my desk the document server says "network path not found", the internet works. My colleague next to me can reach it fine. I need the files for the partner meeting at 11.""",
  "one person, reachability -> network; deadline near -> P2")
R("network", "P3", "en", ("Zoe", "zoe.k@example.test"), "wifi drops in the canteen",
  """The wifi keeps dropping in the canteen. Not a big deal, people mostly use it at lunch. Office wifi is fine.""",
  "non-core area -> P3")
R("network", "P1", "zh", ("分店 店长", "fendian@example.test"), "三家门店网络全断",
  """城东、城西、开发区三家门店从十点开始都断网了，收银连不上总部，只能收现金。""",
  "3 sites, POS affected -> P1")
R("network", "P2", "mixed", ("Frank 何", "frank.he@example.test"), "我们组的网口都不通",
  """我们组三个人的网口都不亮了，WiFi 这里信号也很差连不上。Three of us can't do anything, 其他组正常。""",
  "small group (3) blocked, others fine -> P2")
R("network", "P3", "zh", ("老师 邱", "qiu.ls@example.test"), "办公室网速很慢",
  """我们办公室网速特别慢，下载课件要好久，打开网页也慢，不过还能用。""",
  "network slowness, usable -> P3")
R("network", "P1", "en", ("Clinic Manager", "clinic.mgr@example.test"), "Clinic network down - HIS unreachable",
  """The whole clinic lost network about 20 minutes ago. Every PC says "no network", so nobody can reach the HIS: no patient records, no prescriptions. We have a full waiting room.""",
  "site offline, core service stopped -> P1")
R("network", "P2", "zh", ("财务 卫", "wei.cw@example.test"), "网银连不上",
  """我这台电脑上网银页面一直打不开，显示连接超时，别的网站都能开。今天下午要付工资，只有我这台插了 U 盾。""",
  "connection timeout -> network; one person, hard deadline -> P2")
R("network", "P3", "en", ("Henry", "henry.m@example.test"), "VPN slow from home",
  """VPN from home is slow in the evenings, file opens take ages. During the day it's fine, so I mostly work around it.""",
  "degraded, workaround -> P3")
R("network", "P2", "zh", ("生产 计划员 刘", "liu.jhy@example.test"), "车间办公室一台电脑上不了网",
  """车间办公室我这台电脑上不了网，显示"无 Internet"，别的电脑都正常。排产计划要在十一点前发给各班组。""",
  "one person, deadline -> P2")
R("request", "P4", "zh", ("小景", "jing.x@example.test"), "访客 WiFi 密码",
  """请问访客 WiFi 密码多久换一次？想提前印到会议室的牌子上。""",
  "question about the network, nothing broken -> request P4")
R("network", "P1", "mixed", ("Helen 郭", "helen.guo@example.test"), "整个 office internet down",
  """整个上海 office 的 internet 都断了，大概六十个人，Teams calls all dropped，客户会议都开不了。""",
  "whole office (~60) -> P1")
R("network", "P3", "zh", ("小葛", "ge.x@example.test"), "打印机找不到",
  """我电脑上网络邻居找不到共享盘的名字，但是直接输 IP 地址能进。""",
  "share name resolution fails (DNS), workaround via IP -> network P3")
R("network", "P2", "en", ("Dr. Moore", "moore.md@example.test"), "telehealth calls dropping",
  """My telehealth video calls drop every few minutes from consulting room 4, the ethernet port light keeps blinking off. The other rooms are fine. I have patients booked every 15 minutes all afternoon and can't move rooms.""",
  "one person, core work blocked, workaround denied -> P2")
R("network", "P3", "mixed", ("Lily 方", "lily.fang@example.test"), "公司 WiFi 老掉线",
  """公司 WiFi 每隔半小时掉一次，重连就好了。Annoying but 能用。""",
  "intermittent, usable -> P3")
R("network", "P1", "zh", ("IT 值班 贾", "jia.it@example.test"), "回复: 两个厂区之间专线断了",
  """补充一下：专线还是断的，二厂那边的 MES 和 ERP 都连不上总部服务器，二厂整个生产停了，大概一百多号人在等。""",
  "inter-site link down, a whole plant stopped -> P1",
  quote=quote_outlook_zh("贾", "jia.it@example.test", "2025年3月7日 8:10", "IT支持", "两个厂区之间专线断了", "专线好像断了，正在联系运营商。"))
R("network", "P3", "en", ("Ivy", "ivy.s@example.test"), "Re: Wi-Fi on 3rd floor",
  """Hi all (reply-all, sorry) - the Wi-Fi on the 3rd floor east side is weak again. We can plug in at the desks, so it's only the meeting pods that suffer.""",
  "reply-all, weak signal, wired workaround -> P3",
  quote=quote_gmail_en("Facilities", "facilities@example.test", "Mon, Mar 10, 2025 at 9:00 AM", "Has anyone else noticed the Wi-Fi on the 3rd floor?"))
R("network", "P2", "zh", ("物流 小曾", "zeng.wl@example.test"), "代理服务器连不上",
  """我电脑浏览器一直提示"代理服务器拒绝连接"，所有网页都打不开，同事们都正常。今天要在物流平台上订明天的车，不订就排不上。""",
  "proxy -> network; one person, deadline -> P2")
R("network", "P3", "zh", ("前台", "qiantai@example.test"), "前台网口松了",
  """前台的网口有点松，网线动一下就断网，用胶带固定住暂时可以。""",
  "workaround -> P3")
R("network", "P2", "en", ("Nora", "nora.v@example.test"), "can't log in to the supplier portal",
  """I can't log in to the supplier portal, the page says "This site can't be reached - ERR_CONNECTION_TIMED_OUT" as soon as I click sign in. Other sites are fine. The supplier needs our order confirmation by noon.""",
  "login wording, timeout error -> network; deadline -> P2")
R("network", "P1", "zh", ("门诊部 主任", "mzb@example.test"), "门诊楼二楼全部断网",
  """门诊楼二楼所有诊室都上不了网，医生开不了电子处方，病人全堵在二楼。""",
  "floor offline, core clinic work stopped -> P1")

# ================================================================ account
R("account", "P2", "zh", ("会计 柳", "liu.kj@example.test"), "用友账号被锁",
  """用友登录的时候密码输错了几次，现在提示"账号已锁定"。今天的凭证全在等我审核，同事都没权限替我审。""",
  "lockout one person, blocked -> P2")
R("account", "P3", "zh", ("小殷", "yin.x3@example.test"), "邮箱密码过期",
  """电脑上的邮箱提示密码过期，手机上的还能收发，先用手机。""",
  "password expired, workaround -> P3")
R("account", "P1", "en", ("Service Desk Lead", "sd.lead@example.test"), "SSO login failing for everyone",
  """Since 8:50 nobody in the company can sign in through SSO, everyone gets "AADSTS50058: silent sign-in failed". Email, HR, CRM - all behind SSO, so basically the whole office is locked out.""",
  "company-wide login -> account P1")
R("account", "P2", "en", ("Sophie (on behalf of new hire)", "sophie.hr@example.test"), "New starter has no login",
  """Our new starter Daniel Kim began today and still has no network login or email. He's sitting at his desk with nothing to do, and his induction training in the LMS is at 1 pm.""",
  "on behalf of new joiner, blocked -> account P2")
R("account", "P3", "zh", ("小詹", "zhan.x@example.test"), "共享盘没有权限",
  """打开市场部共享盘提示"你没有权限访问"，我要找一个去年的模板，同事先发给我了，麻烦帮我开一下权限。""",
  "access denied -> account; workaround -> P3")
R("account", "P1", "zh", ("客服部 经理", "kfjl@example.test"), "企业微信全部门登不上",
  """客服部二十多个人的企业微信早上都被退出登录了，重新登提示"账号异常，请联系管理员"，现在客户消息没人回。""",
  "department-wide account problem, customer service stopped -> P1")
R("account", "P2", "zh", ("销售 覃", "qin.xs@example.test"), "收不到验证码",
  """CRM 登录要手机验证码，我换了手机号，验证码发到旧号码上了，登不进去。下午要给客户报价，报价只能在 CRM 出。""",
  "phone binding -> account; one person, deadline -> P2")
R("account", "P4", "en", ("Kate", "kate.y@example.test"), "change my display name",
  """Could you change my display name in the address book from "Katherine Young" to "Kate Young"? Whenever you have a moment.""",
  "directory attribute change, no date -> P4")
R("account", "P3", "en", ("Liam", "liam.o@example.test"), "MFA prompts not arriving",
  """My MFA push notifications stopped arriving on my phone. I can still use the codes in the authenticator app, so I can get in, just slower.""",
  "MFA, workaround -> P3")
R("account", "P2", "mixed", ("Amanda 许", "amanda.xu@example.test"), "SAP 账号 expired",
  """我的 SAP 账号提示 "User account expired"，登不进去。Month-end journals 今天必须过完，我们组只有我做这个。""",
  "account expired, one person, deadline -> P2")
R("account", "P3", "zh", ("主管 付", "fu.zg@example.test"), "给我们组新同事开钉钉审批权限",
  """我们组新来的小刘需要钉钉里的报销审批权限，下周一开始让他接手，麻烦这周内开通。""",
  "manager on behalf, permission, near-ish date -> P3")
R("account", "P2", "en", ("Ben Carter", "ben.carter@example.test"), "locked out again",
  """I'm locked out of my Windows account again after the password change yesterday. I can't get onto my PC at all. Nothing urgent on my side this morning but I have a client call at 2.""",
  "lockout one person blocked; hedge + later call -> still blocked -> P2")
R("account", "P1", "mixed", ("Store Ops 徐", "xu.storeops@example.test"), "all store accounts locked",
  """所有门店的 POS 登录账号今早都被锁了，提示 "Account locked by policy"，全部 18 家店 can't open the tills。""",
  "accounts locked for all stores, POS stopped -> account P1")
R("account", "P3", "zh", ("人事 小蔡", "cai.rs@example.test"), "离职员工邮箱转给主管",
  """销售部王刚下周五离职，离职后麻烦把他的邮箱转给他的主管陈经理，账号停用。""",
  "leaver accounts, date a week away -> P3")
R("account", "P2", "zh", ("张医生", "zhang.ys@example.test"), "HIS 提示没有开医嘱权限",
  """我调到急诊科以后，HIS 里开医嘱提示"当前用户无此权限"，今天晚上值夜班，开不了医嘱就没法看病人。""",
  "permission -> account; one person, essential, tonight -> P2")
R("account", "P3", "en", ("Olga", "olga.p@example.test"), "forgot my HR portal password",
  """Forgot my HR portal password, the reset link isn't arriving. I only wanted to check my leave balance, no hurry.""",
  "password, nothing essential -> P3")
R("account", "P4", "zh", ("小伍", "wu.x@example.test"), "邮件组加一下我",
  """能不能把我加到"华东销售"邮件组里，以后开会通知我也能收到，谢谢。""",
  "group membership, housekeeping -> P4")
R("account", "P2", "zh", ("财务 小龚", "gong.cw@example.test"), "邮箱一直往外发垃圾邮件",
  """同事说一直收到我邮箱发的奇怪邮件，英文的，叫他们点链接，我自己没发过。我已经改了密码，还是在发。""",
  "compromised account (sending spam) -> account; active compromise one account -> P2")
R("account", "P3", "mixed", ("Jenny 韦", "jenny.wei@example.test"), "企业微信换手机",
  """我换了新手机，企业微信 login 要旧手机确认，旧手机已经 reset 了。电脑版还登着, so I'm ok for now。""",
  "phone binding, workaround -> P3")
R("account", "P2", "en", ("Teacher - Mr. Reid", "reid.t@example.test"), "can't sign in to the grading system",
  """The grading system keeps saying "invalid username or password" and my password definitely works for email. Grades are due to the office by 4 pm today.""",
  "credential rejected, one person, deadline today -> P2")
R("account", "P1", "zh", ("教务处 主任", "jwc.zr@example.test"), "全校老师都登不进教务系统",
  """今天早上全校一百多个老师登录教务系统都提示"统一认证失败"，期末成绩今天要录完。""",
  "school-wide auth failure -> account P1")
R("account", "P3", "zh", ("小麦", "mai.x@example.test"), "VPN 提示密码错误",
  """VPN 连的时候提示"用户名或密码错误"，我在公司里上班，用不到 VPN，下周出差前能弄好就行。""",
  "credential problem on VPN -> account; not needed now -> P3")
R("account", "P4", "en", ("Gary", "gary.n@example.test"), "remove old alias",
  """Please remove the old alias sales-old@example.test from my mailbox, nobody writes to it any more.""",
  "housekeeping -> P4")
R("account", "P2", "zh", ("采购 小莫", "mo.cg@example.test"), "金蝶没有审批权限了",
  """系统升级以后我的金蝶账号审批采购单的权限没了，提示"无权限"。我们组两个人都这样，供应商那边等着今天下单。""",
  "permission lost, small group (2), deadline -> P2")
R("account", "P3", "en", ("Aisha", "aisha.m@example.test"), "please unlock my colleague",
  """Hi, asking for my colleague Tom (he's off sick, back Thursday): his account got locked from too many attempts. Could you unlock it before he's back?""",
  "on behalf, lockout, nobody blocked now -> P3")

# ================================================================ request
R("request", "P4", "zh", ("小苗", "miao.x@example.test"), "请问怎么在钉钉里设置自动回复",
  """请问钉钉邮箱怎么设置休假自动回复？下个月休年假。""",
  "how-to, nothing broken -> P4")
R("request", "P4", "en", ("Office Manager", "office.mgr@example.test"), "quote for 5 new laptops",
  """We're hiring five people next quarter. Could you send me a quote and recommended model for five laptops? Budget approval is next month.""",
  "procurement question -> P4")
R("request", "P3", "en", ("Rachel", "rachel.g@example.test"), "how do I share my screen in Teams - client call in 15 min",
  """I have a client call in 15 minutes and I've never shared my screen in Teams. How do I do it? Nothing's broken, I just don't know how.""",
  "time-critical how-to -> P3")
R("request", "P4", "zh", ("教导主任", "jdzr@example.test"), "建议：教室电脑统一装个屏幕广播软件",
  """建议在所有教室电脑上装一个屏幕广播软件，上课演示方便一些。不着急，暑假装就行。""",
  "suggestion -> P4")
R("request", "P4", "mixed", ("Kelly 钱", "kelly.qian@example.test"), "ERP 能不能加一个 export 按钮",
  """ERP 的库存页面能不能加一个 export to Excel 的按钮？现在是手动复制，it works but 麻烦。""",
  "feature wish -> P4")
R("request", "P4", "zh", ("律所 行政 邹", "zou.xz@example.test"), "咨询：律所电子签章",
  """想咨询一下，我们律所想用电子签章，IT 这边有没有推荐的产品？大概什么价格？""",
  "procurement consultation -> P4")
R("request", "P3", "zh", ("小邢", "xing.x@example.test"), "半小时后要远程面试，怎么用腾讯会议共享屏幕",
  """半小时后要远程面试候选人，腾讯会议怎么共享屏幕和开录制？没用过。""",
  "time-critical how-to -> P3")
R("request", "P4", "en", ("Victor", "victor.h@example.test"), "URGENT: what's the mailbox size limit?",
  """URGENT!! What's the maximum mailbox size we get? Just want to know before I archive.""",
  "urgent word, how-to -> P4")
R("request", "P4", "zh", ("车间主任 严", "yan.cj@example.test"), "想了解一下 MES 能不能接扫码秤",
  """我们车间想了解一下，MES 能不能直接接电子秤的数据，省得手抄。下个季度的改进计划里想加这一项。""",
  "consultation/wish -> P4")
R("request", "P4", "en", ("Diana", "diana.f@example.test"), "which monitor should I order",
  """My manager approved a second monitor. Which model should I pick from the catalogue, and do I order it myself?""",
  "procurement question -> P4")
R("request", "P4", "zh", ("药剂科 华", "hua.yjk@example.test"), "HIS 优化建议",
  """建议 HIS 开药的时候能自动带出上次的用法用量，医生们都这么说，现在每次手动输。""",
  "optimisation wish -> P4")
R("request", "P4", "en", ("Nathan", "nathan.b@example.test"), "how do I set up email on my new phone",
  """Got a new phone, how do I set up my work email on it? My laptop works fine for now, no rush.""",
  "how-to -> P4")
R("request", "P4", "mixed", ("Sunny 黎", "sunny.li@example.test"), "请问 VPN 出国能用吗",
  """下个月去德国出差两周，请问公司 VPN 在国外 can I use it normally？需要提前申请吗？""",
  "how-to about VPN, far date -> P4")
R("request", "P3", "en", ("Exec Assistant", "ea.ceo@example.test"), "how to set up a Teams webinar - board in an hour",
  """The board call starts in an hour and the CEO wants it as a Teams webinar with registration. How do I set that up? Nothing is broken.""",
  "time-critical how-to -> P3")
R("request", "P4", "zh", ("小晏", "yan.x@example.test"), "紧急！！请问打印机怎么双面打印",
  """紧急！！！请问那台新打印机怎么设置双面打印？""",
  "urgent words, how-to -> P4")
R("request", "P4", "en", ("Retail Area Manager", "area.mgr@example.test"), "idea: self-checkout in two stores",
  """Idea for next year: could we trial self-checkout kiosks in two of the bigger stores? Happy to discuss when you have time.""",
  "suggestion -> P4")
R("request", "P4", "zh", ("老师 蒋", "jiang.ls@example.test"), "申请采购一台实物展台",
  """物理组想采购一台实物展台，上课用，请问走什么流程，有没有推荐的型号？""",
  "procurement -> P4")
R("request", "P4", "zh", ("小雷", "lei.x@example.test"), "请问企业微信和钉钉哪个可以导出聊天记录",
  """请问企业微信能导出聊天记录吗？钉钉呢？做资料备份用。""",
  "how-to -> P4")
R("request", "P4", "en", ("Paralegal Team", "paralegals@example.test"), "training on the new document system?",
  """Would IT run a short training on the new document management system for the paralegal team sometime next month?""",
  "training request, far -> P4")
R("request", "P4", "zh", ("小阮", "ruan.x@example.test"), "请问密码怎么改",
  """请问邮箱密码在哪里改？系统提示两周后过期，想提前改掉。""",
  "how-to, password not yet expired -> request P4")
R("request", "P4", "mixed", ("Grace 谢", "grace.xie@example.test"), "能不能开一个 shared calendar",
  """我们组想要一个 shared calendar 排值班，Outlook 里能建吗？how should we do it？""",
  "how-to -> P4")

# ================================================================ other
R("other", "P3", "zh", ("小黎", "li.x3@example.test"), "收到一封奇怪的邮件",
  """收到一封说是财务部发的邮件，让我点链接登录查看工资条，发件人地址不对。我没点，转给你们看一下。""",
  "phishing report, not clicked -> other P3")
R("other", "P2", "en", ("Tom Hardy", "tom.hardy@example.test"), "laptop stolen from car",
  """My work laptop was stolen from my car last night. Police report done. It had client files on it (encrypted I think). What do I do now?""",
  "stolen device -> other P2")
R("other", "P1", "zh", ("机房值班", "jifang@example.test"), "机房空调停了",
  """机房两台空调都停了，温度已经三十五度，还在涨，服务器开始报警。""",
  "server-room cooling -> P1")
R("other", "P4", "zh", ("小蓝", "lan.x@example.test"), "谢谢你们！",
  """昨天修电脑的师傅很耐心，问题解决了，谢谢！这个单子可以关了。""",
  "thanks/closure -> P4")
R("other", "P4", "en", ("Facilities", "facilities2@example.test"), "office move in three weeks",
  """We're moving the accounts team (8 desks) to the 4th floor on the 28th, three weeks from now. Can IT plan the PCs, phones and network points?""",
  "move with three weeks' lead time -> other P4 (dev/090)")
R("other", "P2", "zh", ("财务 小骆", "luo.cw@example.test"), "电脑上的文件都变成了奇怪的后缀",
  """我电脑里的文件全部变成了 .locked 后缀，打不开，桌面上多了一个要比特币的文本。我已经拔了网线，其他人电脑好像没事。""",
  "ransomware on one isolated PC -> P2")
R("other", "P4", "en", ("Leaver - Jack", "jack.l@example.test"), "where do I return my laptop",
  """It's my last week. Where do I drop off my laptop and badge on Friday?""",
  "asset return -> other P4")
R("other", "P1", "zh", ("安全 负责人", "aq.fzr@example.test"), "好几台电脑中了勒索病毒",
  """财务部已经有四台电脑的文件被加密了，弹出勒索提示，还在往别的电脑上蔓延。""",
  "spreading ransomware -> P1")
R("other", "P3", "zh", ("保安 队长", "ba.dz@example.test"), "机房门禁卡刷不开",
  """值班的时候发现机房门禁刷卡没反应，红灯一直闪，我们用钥匙开的门。""",
  "door access (facility), workaround -> P3")
R("other", "P4", "en", ("Asset Admin", "assets@example.test"), "asset inventory spreadsheet",
  """For the yearly asset inventory, could you send me the list of laptops assigned to the marketing team by end of month?""",
  "asset administration, far date -> P4")
R("other", "P2", "mixed", ("Ray 曾", "ray.zeng@example.test"), "手机丢了",
  """我的公司手机 lost 在出租车上了，上面有企业微信和公司邮箱。Please remote wipe 一下。""",
  "lost device -> other P2")
R("other", "P4", "zh", ("活动组 江", "jiang.hd@example.test"), "下周年会需要音响和投屏",
  """下周五年会，需要两只无线话筒、一台投影和现场投屏，麻烦 IT 派人支持一下。""",
  "event support with a week's lead time -> other P4 (dev/071)")
R("other", "P4", "zh", ("小车", "che.x@example.test"), "报废电脑数据销毁",
  """我们部门有三台淘汰的旧电脑，准备报废，想问一下硬盘数据怎么销毁，什么时候方便来拿？""",
  "asset disposal, no date -> P4")
R("other", "P3", "en", ("Jade", "jade.w@example.test"), "suspicious USB stick found",
  """Found a USB stick lying in the car park with a label "Salaries 2025". Haven't plugged it in. Dropping it at your desk?""",
  "security report, nobody compromised -> P3")
R("other", "P1", "en", ("Site Facilities", "site.fac@example.test"), "power cut in the server room",
  """The UPS in the server room is beeping and says 8 minutes of battery left, mains power to that room is off after the electricians' work. All servers are on it.""",
  "facility threatening all servers -> P1")
R("other", "P4", "mixed", ("Lucy 钟", "lucy.zhong@example.test"), "感谢 IT team",
  """Just want to say thanks, 上周的搬迁很顺利，大家第一天就能正常上班了。""",
  "thanks -> P4")
R("account", "P2", "zh", ("法务 侯律师", "hou.ls@example.test"), "误点了钓鱼链接还输了密码？",
  """刚才点了一封"法院传票"邮件里的链接，还在页面上输了邮箱账号密码，后来才觉得不对。""",
  "credentials typed into a phishing page: compromised identity -> account P2")
R("other", "P4", "zh", ("教务 小温", "wen.jw@example.test"), "教室电脑搬到新楼",
  """新教学楼下个月启用，需要把旧楼五间教室的电脑和投影搬过去，麻烦 IT 这边排一下时间。""",
  "move next month, lead time -> other P4 (dev/090)")
R("other", "P4", "en", ("Michael", "michael.s@example.test"), "closing note",
  """Printer is working again after your visit, you can close the ticket. Cheers.""",
  "closure note -> P4")

# ================================================================ boundaries (scope words, hedges, deadlines)
R("network", "P1", "en", ("Warehouse Lead", "wh.lead@example.test"), "a dozen scanners offline",
  """About a dozen of our handheld scanners dropped off the wifi at the same time and won't reconnect. Picking has basically stopped in aisles 1-20.""",
  "a dozen devices, picking stopped -> P1; wifi -> network")
R("software", "P1", "en", ("Office Manager", "om.legal@example.test"), "half the office can't open Word",
  """Since this morning's update, half the office gets "Word has stopped working" on launch - that's around twenty lawyers and assistants. Nobody can draft anything.""",
  "half the office, drafting stopped -> software P1")
R("network", "P2", "zh", ("小卓", "zhuo.x@example.test"), "我们俩的电脑上不了网",
  """我和旁边的小林两个人的电脑都上不了网，显示"网络电缆被拔出"，线是插好的。其他同事都正常，我们俩下午要给客户发方案。""",
  "two people (small group), blocked -> P2")
R("hardware", "P1", "zh", ("门店 区域经理 鲁", "lu.qyjl@example.test"), "五家店的小票打印机都打不出来",
  """我们片区五家店的小票打印机今天都打不出小票了，换了纸也不行，顾客结完账拿不到小票，有两家已经暂停收银了。""",
  "several stores, POS receipts, checkout suspended -> P1")
R("software", "P2", "zh", ("组长 窦", "dou.zz@example.test"), "替组里两个同事报一下：用友打不开",
  """替我们组小韩和小池报一下：他们俩的用友一打开就报错退出，别人都正常。今天要把应收对账做完，他们俩现在什么都干不了。""",
  "on behalf of two people, blocked, deadline today -> P2")
R("hardware", "P3", "en", ("Carl", "carl.v@example.test"), "no rush - trackpad click",
  """No rush at all: my trackpad click is a bit stiff. I use a mouse at the desk anyway.""",
  "hedge matches facts, workaround -> P3")
R("network", "P1", "zh", ("行政 总监", "xz.zj@example.test"), "不急，但是整个三楼都没网",
  """不急哈，就是说一下：整个三楼从刚才开始有线无线都没网了，大家都在楼道里用手机热点。""",
  "hedge does not lower: whole floor offline -> P1")
R("account", "P2", "en", ("Manager - Priya", "priya.mgr@example.test"), "my team member can't log in",
  """One of my team, Leo Park, has been locked out of his account since 9. He can't do anything and he's covering the helpline alone this morning. Could you unlock him asap?""",
  "manager on behalf of one person, blocked -> P2 (never P1 for one)")
R("software", "P3", "zh", ("小伏", "fu.x@example.test"), "下个月底前帮我装一下 Visio",
  """我下个月底之前需要用 Visio 画流程图，电脑上没装，没有管理员权限装不了，麻烦帮装一下。""",
  "install needs admin rights -> software; far deadline -> P3")
R("hardware", "P2", "zh", ("质检 小鲍", "bao.zj@example.test"), "质检室的电子天平连不上电脑",
  """质检室的电子天平数据传不到电脑上了，显示"设备未连接"，换了数据线也不行。就这一台，今天这批货不出检测报告就不能发。""",
  "single device (one user), batch release blocked by deadline today -> P2")
R("account", "P3", "zh", ("小温", "wen.x@example.test"), "两周后入职的同事开账号",
  """我们部门两周后有个新同事入职，麻烦提前开一下邮箱和 ERP 账号。""",
  "new joiner accounts with lead time -> account P3")
R("network", "P2", "mixed", ("Ming 聂", "ming.nie@example.test"), "VPN keeps dropping",
  """在家办公，VPN 每五分钟 drop 一次，SAP 一断就要重新登录。No other way to reach SAP from home，today I must finish the payment run。""",
  "remote one person, workaround denied, deadline today -> P2")

# ================================================================ machine mail
M("autoreply", "-", "-", "zh", ("陈律师", "chen.ls@lawfirm.example.cn"), "自动回复：Re: 打印机又卡纸了",
  """您好，我本周在外地开庭，邮件回复会有延迟。紧急事务请联系助理。""",
  "vacation reply", headers=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")], reply=True)
M("autoreply", "-", "-", "en", ("HIS Vendor Helpdesk", "helpdesk@hisvendor.example.com"), "Ticket #88123 received",
  """Thank you for contacting us. Your ticket #88123 has been logged. Please do not reply to this message.""",
  "another helpdesk ack", headers=[("Auto-Submitted", "auto-generated")], reply=True)
M("bulk", "-", "-", "zh", ("钉钉", "noreply@dingtalk.example.com"), "[钉钉] 您有 3 条待审批",
  """您有 3 条待审批的报销单，请及时处理。退订请点击这里。""",
  "tool notification with list headers", headers=[("List-Unsubscribe", "<https://dingtalk.example.com/unsub>"), ("Precedence", "bulk")])
M("bulk", "-", "-", "en", ("MES Monitoring", "mes-monitor@example.test"), "[mes-alerts] Line 3 OEE below 80%",
  """Daily digest: Line 3 OEE 76%, Line 4 OEE 82%. You are receiving this because you are subscribed to mes-alerts.""",
  "monitoring digest with list headers", headers=[("List-Id", "mes-alerts <mes-alerts.example.test>"), ("Precedence", "list")])
M("spam-like", "-", "-", "zh", ("ERP实施顾问", "sales@erp-consult.example.net"), "用友金蝶实施 八折优惠",
  """专业用友、金蝶实施二十年，本月签约八折，免费上门演示，欢迎来电。""",
  "marketing without list headers")
M("bounce", "-", "-", "en", ("Mail Delivery System", "MAILER-DAEMON@mx.example.test"), "Undelivered Mail Returned to Sender",
  """This is the mail system at host mx.example.test.

I'm sorry to have to inform you that your message could not be delivered to one or more recipients.

<clinic@partner.example.org>: host mx.partner.example.org said: 550 5.1.1 User unknown""",
  "bounce plain text", client="plain", headers=[("X-Failed-Recipients", "clinic@partner.example.org"), ("Auto-Submitted", "auto-replied")])
