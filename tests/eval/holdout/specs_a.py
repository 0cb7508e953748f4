"""Held-out triage set, part A (150 mails), written by the independent labeller `evala`.

Labelled by ../shared/corpus/GUIDE.md only, before anyone looked at what the rules say.
Rebuild (from the repository root):
    python3 tests/eval/build_eval.py triage tests/eval/holdout/specs_a.py tests/eval/holdout a labels-a.csv
Content is synthetic; every address is on a reserved example domain.
"""
import os
import sys

_TOOLS = os.environ.get("EMLKIT_DIR") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "corpus", "tools"))
sys.path.insert(0, _TOOLS)
from emlkit import (quote_gmail_en, quote_gmail_zh, quote_outlook_en, quote_outlook_zh,  # noqa: E402
                    quote_outlook_old, quote_qq, quote_163, simple_original)

SEED = 4712
MAILS = []

PROF = {
    "zh": [
        dict(client="outlook", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"),
        dict(client="foxmail", charset="gbk", cte="base64", structure="alt", subj_enc="gbk-b"),
        dict(client="qq", charset="gb18030", cte="base64", structure="alt", subj_enc="gb18030-b"),
        dict(client="apple", charset="utf-8", cte="quoted-printable", structure="plain", subj_enc="utf8-q"),
        dict(client="coremail", charset="gbk", cte="quoted-printable", structure="alt", subj_enc="gbk-q"),
        dict(client="outlook", charset="gb2312", codec="gbk", cte="base64", structure="html", subj_enc="gbk-b"),
        dict(client="thunderbird", charset="utf-8", cte="8bit", structure="plain", subj_enc="utf8-b", linesep="\n"),
        dict(client="foxmail", charset="gbk", cte="8bit", structure="plain", subj_enc="gbk-b"),
        dict(client="webmail", charset="utf-8", cte="base64", structure="html", subj_enc="utf8-b"),
        dict(client="gmail", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"),
        dict(client="qq", charset="gb18030", cte="8bit", structure="plain", subj_enc="gb18030-b"),
    ],
    "en": [
        dict(client="outlook", charset="utf-8", cte="quoted-printable", structure="alt"),
        dict(client="gmail", charset="utf-8", cte="7bit", structure="alt"),
        dict(client="apple", charset="utf-8", cte="7bit", structure="plain", flowed=True),
        dict(client="outlook", charset="us-ascii", cte="base64", structure="html"),
        dict(client="thunderbird", charset="utf-8", cte="7bit", structure="plain", linesep="\n"),
        dict(client="webmail", charset="iso-8859-1", cte="quoted-printable", structure="plain"),
        dict(client="gmail", charset="utf-8", cte="quoted-printable", structure="html"),
    ],
    "mixed": [
        dict(client="outlook", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"),
        dict(client="foxmail", charset="gbk", cte="base64", structure="alt", subj_enc="gbk-b"),
        dict(client="apple", charset="utf-8", cte="quoted-printable", structure="plain", subj_enc="utf8-q"),
        dict(client="webmail", charset="utf-8", cte="base64", structure="html", subj_enc="utf8-b"),
        dict(client="qq", charset="gb18030", cte="base64", structure="alt", subj_enc="gb18030-b"),
    ],
}
BIG5 = dict(client="outlook", charset="big5", cte="base64", structure="alt", subj_enc="big5-b")
BIG5_PLAIN = dict(client="plain", charset="big5", cte="8bit", structure="plain", subj_enc="big5-b")
_n = {"zh": 0, "en": 0, "mixed": 0}

IPHONE = "发自我的iPhone"
HUAWEI = "Sent from my Huawei phone"
MI = "来自小米手机"


def M(kind, cat, pri, lang, frm, subject, body, notes="", **kw):
    p = dict(PROF[lang][_n[lang] % len(PROF[lang])])
    _n[lang] += 1
    if kw.pop("big5", False):
        p = dict(BIG5)
    if kw.pop("big5_plain", False):
        p = dict(BIG5_PLAIN)
    p.update(kw)
    d = dict(kind=kind, cat=cat, pri=pri, lang=lang, frm=frm, subject=subject,
             body=body.strip("\n") + "\n", notes=notes)
    d.update(p)
    MAILS.append(d)


def R(cat, pri, lang, frm, subject, body, notes="", **kw):
    M("request", cat, pri, lang, frm, subject, body, notes, **kw)


# ======================================================================
# HARDWARE (24)
R("hardware", "P1", "zh", ("二车间 班长 戴国庆", "daiguoqing@example.test"), "二车间扫码枪全坏了！！产线停了",
  """IT：
二车间包装线上的4把无线扫码枪从7点半交班开始全部扫不出码，按扳机红光都不亮，换了充电座上的电池也一样。
没法扫码就没法过站，整条包装线现在停着，二十几个工人在等。
备用的两把在仓库那边也借走了。请马上来人！！
戴国庆 13900001234""",
  "several devices, production line stopped, ~20 workers idle -> P1")
R("hardware", "P1", "en", ("Oliver Grant", "oliver.grant@example.test"), "Design NAS - two disks showing red, project drive gone",
  """Hi,

The Synology box in the design studio (the one behind P: drive) started beeping around 9. Front panel shows
disk 2 and disk 4 red and the P: drive is gone for everyone. That's the whole design team - 25 of us - with
no access to any project files, and we have three client handovers this week.

Nobody has touched it. I haven't rebooted it in case that makes things worse.

Oliver Grant
Studio Manager""",
  "share unreachable because the storage device failed -> hardware; whole team (25) blocked -> P1")
R("hardware", "P2", "zh", ("钱晓雯", "qianxiaowen@example.test"), "笔记本摔了屏幕裂了",
  """你好，刚才在会议室不小心把笔记本从桌上碰掉了，屏幕右下角裂了，现在一半是花的，字根本看不清。
我今天下午3点的高铁去杭州出差，明天上午要在客户那里讲标，电脑里的讲标文件来不及拷走。
能不能帮忙看看能不能修，或者先借我一台备用机把资料导过去？谢谢谢谢
钱晓雯 市场部""",
  "physical damage, one person blocked, travels today for a pitch -> P2",
  sig=IPHONE)
R("hardware", "P2", "zh", ("小潘", "panxl@example.test"), "dn进水了",
  """刚才手一抖整杯咖啡洒键盘上了，dn直接黑屏关机，再按开机键没反应。。。
我已经倒过来放着了 不敢再开
今天的对账全在这台上面 怎么办""",
  "liquid damage, single user fully blocked -> P2; pinyin abbreviation 'dn' = 电脑, no punctuation",
  sig=MI)
R("hardware", "P3", "zh", ("财务室 蒋红", "jianghong@example.test"), "财务室打印机一直显示脱机",
  """您好！
财务室那台兄弟激光打印机从昨天下午开始一直显示"脱机"，打印任务全卡在队列里。
别的同事电脑、网络都正常，我先用隔壁行政部的打印机打的凭证，就是来回跑有点麻烦。
麻烦有空过来看一下，谢谢！
蒋红""",
  "printer offline while the rest of the network works -> hardware; workaround (neighbour's printer) -> P3")
R("hardware", "P3", "zh", ("客服 杨帆", "yangfan@example.test"), "耳麦左边没声音",
  """你好，我的头戴耳麦左边耳机没声音了，麦克风还能用，接电话只能用一只耳朵听，有点吃力。
先凑合用着，有新的耳麦的话麻烦给我换一个，工位 C-17。
杨帆 客服中心""",
  "headset half broken, still usable -> P3")
R("hardware", "P4", "zh", ("梁晨", "liangchen@example.test"), "电脑风扇有点吵",
  """你好，不急哈：
最近我台式机的风扇声音比以前大，嗡嗡的，其他都正常，不影响使用。
下次你们来我们楼层的时候顺便帮我看一眼就行～
梁晨 法务部""",
  "noise only, explicitly no impact, no rush -> P4 (device, so hardware)")
R("hardware", "P3", "zh", ("林志豪", "lin.zhihao@example.test"), "藍牙滑鼠常常斷線",
  """您好：
我的藍牙滑鼠這週開始每隔十幾分鐘就會斷線一次，要關掉再打開才會重新連上，已經換過新電池了。
目前先用筆電的觸控板，還可以工作，只是比較慢。
麻煩有空幫我換一個滑鼠，謝謝。
林志豪  台北分公司 業務部""",
  "Traditional Chinese (Big5); peripheral fault with touchpad workaround -> P3",
  big5=True)
R("hardware", "P2", "zh", ("吕建国", "lvjianguo@example.test"), "开机一直滴滴叫，进不去系统",
  """IT 你好：
我这台联想台式机今天一开机就"滴——滴滴"地叫，屏幕一直是黑的，进不了系统。
拔了电源等了几分钟再开还是这样。我是做工资核算的，今天一整天的活都在这台电脑上，现在啥也干不了。
吕建国 人力资源部 分机 2231""",
  "beep codes, no boot = physical; one person fully blocked -> P2 (payroll words do not make it a team outage)")
R("hardware", "P3", "zh", ("宋雨桐", "songyutong@example.test"), "显示器中间有一条竖线",
  """你好，我的显示器屏幕正中间出现了一条粉红色的竖线，从上到下，拍了照片附上。
除了这条线别的都能看，就是看表格的时候挡住一列有点烦。方便时帮我换一台吧。
宋雨桐""",
  "display defect, still usable -> P3",
  structure="mixed", attach=[dict(type="png", name="IMG_20250611_093512.png")])
R("hardware", "P2", "zh", ("投标组 韩梅", "hanmei@example.test"), "复印机扫描不了，下午4点要交投标文件",
  """IT 同事你好：
六楼那台理光复印机打印复印都正常，就是扫描功能坏了，一按扫描就提示"SC 899 请联系服务商"。
我们投标组今天下午4点前要把盖好章的投标文件扫描成 PDF 上传到招标平台，整层只有这一台能扫描。
麻烦尽快安排人来修，或者告诉我们哪里还有能扫描的机器。
韩梅""",
  "one function of the copier broken; hard deadline today (bid upload 4 pm) raises P3 to P2")
R("hardware", "P3", "zh", ("温静怡", "wenjingyi@example.test"), "笔记本电池鼓包了",
  """你好，我发现笔记本的触控板被顶起来了，翻过来看底壳也鼓了，应该是电池鼓包。
我已经关机不用了，今天先用部门的备用机在干活。
这个电池能换吗？还是要换整机？听说鼓包会有危险，麻烦尽快处理。
温静怡 审计部""",
  "swollen battery (physical); user switched to a spare -> P3; safety noted for the technician",
  structure="html")
R("hardware", "P3", "zh", ("龚文斌", "gongwenbin@example.test"), "电脑提示硬盘快坏了",
  """你好：
今天开机的时候弹出一个提示"Windows 检测到硬盘问题，请立即备份文件"，还有 SMART 警告。
电脑目前用着还正常，没有死机，我已经把重要文件拷到网盘了。要不要换硬盘？
龚文斌""",
  "disk predicting failure, still working, data backed up -> P3")
R("hardware", "P2", "en", ("Hugo Martin", "hugo.martin@example.test"), "Laptop shuts itself off after a few minutes",
  """Hi there,

Since this morning my HP EliteBook switches itself off after 5-10 minutes. The bottom gets very hot and the
fan is screaming right before it dies. I've tried it on a hard desk, no change. I can't get through a single
call before it cuts out, so I'm basically unable to work today. Sorry, not trying to be dramatic,
no huge rush if you're busy.

Hugo
Account Manager, Enterprise""",
  "overheating/shutdowns = physical; one person unable to work -> P2 despite 'no huge rush'")
R("hardware", "P3", "en", ("Grace Liu", "grace.liu@example.test"), "Flickering monitor at hot desk 4.12",
  """Hi,
Just so you know, the left monitor at hot desk 4.12 flickers constantly. I've moved to 4.14 for today, so
no problem for me, but the next person will have the same issue.
Grace""",
  "device fault, user already moved desks -> P3")
R("hardware", "P3", "en", ("Ryan Cooper", "ryan.cooper@example.test"), "URGENT - webcam dead!!!",
  """URGENT!!!!!

My external Logitech webcam is dead. Light doesn't come on, Device Manager doesn't list it, tried all USB
ports and another cable. The built-in laptop camera works so I can still join calls but the picture is
awful. Need a new one ASAP!!!

Ryan""",
  "shouting, but built-in camera is a workaround -> P3 (impact wins over adjectives); physical device fault")
R("hardware", "P4", "en", ("Megan Shaw", "megan.shaw@example.test"), "Replacement ear cushion for headset?",
  """Hello,

The foam cushion on my Jabra headset is starting to fall apart. The headset itself works perfectly. Is it
possible to get a replacement cushion whenever you next have stock? Zero urgency.

Thanks,
Megan""",
  "wear part, nothing impaired, zero urgency -> P4")
R("hardware", "P2", "en", ("Thomas Baker", "thomas.baker@example.test"), "Legal printer jammed mid-way through contracts - signing at 11",
  """Hi IT,

The Canon in the legal department jammed halfway through printing the sale agreements and now shows
"Paper jam in unit 3" even though we've opened every door and can't see any paper. The signing meeting with
the buyer is at 11:00 this morning and it's the only printer here that takes the tabbed A3 paper.

Can someone come right away please?

Thomas Baker
Paralegal""",
  "printer fault with no usable alternative and a hard deadline within hours -> P2")
R("hardware", "P2", "mixed", ("Kelly 孟", "kelly.meng@example.test"), "Surface 充不进电，明早航班",
  """Hi IT,
我的 Surface Pro 充不进电了, charging light 完全不亮, 换了会议室的充电器也一样. 现在电量 15%.
明天早上 7 点的航班 to Singapore, 要在客户那边 demo 两天, 没电脑就完蛋了.
今天下班前能帮我看看吗? Thanks a lot!!
Kelly""",
  "device fault, one person about to be fully blocked on a customer trip -> P2; code-switching -> mixed",
  sig=IPHONE)
R("hardware", "P3", "mixed", ("Dennis 罗", "dennis.luo@example.test"), "2F meeting room 的会议麦克风有杂音",
  """Hi team,
二楼 Orchid 会议室的 Polycom 电话会议机, the microphone has a lot of static noise. 会还能开,
但是远端的客户说听我们讲话很吃力. Could someone take a look this week? 谢谢.
Dennis""",
  "conference device degraded, meetings still possible -> P3")
R("hardware", "P3", "zh", ("仓库 老周", "zhou.warehouse@example.test"), "标签机打印偏了",
  """你好
仓库B区那台标签打印机这两天打出来的条码往右偏，有时候一半打到标签外面去了，扫不出来的要重打。
重打几次能用，就是浪费标签。麻烦派人来校准一下。
老周""",
  "label printer misaligned, reprint works -> P3 (not the whole warehouse stopped)",
  sig=HUAWEI)
R("hardware", "P2", "zh", ("总经办 秘书 季雨", "jiyu@example.test"), "董事会会议室的投影仪不亮了",
  """IT 你好：
十八楼董事会议室的投影仪开机以后灯一直闪橙色，就是不出画面，换了HDMI线也不行。
今天下午2点半董事会要用这间会议室，其他会议室都订满了。请尽快派人来处理或者拿一台移动投影仪过来。
季雨""",
  "device fault with a hard same-day deadline (board meeting) -> P2 (not P1: one room, nothing core stopped)")
R("hardware", "P1", "zh", ("物流中心 张卫东", "zhangweidong@example.test"), "称重机全部坏了，快递发不出去",
  """紧急！
物流中心出库口的三台电子称重台从上午10点开始全部显示"Err-04"，重量读不出来，系统里不能生成运单。
今天还有一千二百多单没发，快递公司的车下午4点到。现在整个出库组都停在那里。
张卫东 物流中心主管""",
  "all three scales down, outbound shipping stopped for the whole team -> P1")
R("hardware", "P3", "en", ("Sophie Turner", "sophie.turner@example.test"), "Keyboard on my laptop types double letters",
  """Hi,

Since last week some keys on my laptop keyboard (E, R and the space bar) sometimes type twice - "thhe",
"rreport". Annoying when writing reports, I'm using an external keyboard at my desk for now which works fine.
Could you have a look at the laptop when you have time?

Sophie""",
  "physical keyboard fault, external keyboard workaround -> P3")

# ======================================================================
# SOFTWARE (26)
R("software", "P1", "zh", ("仓储部 经理 邹海", "zouhai@example.test"), "WMS 入库扫码全部报错，仓库停工",
  """IT 支持：
从今天早上8:10开始，仓库所有人用 PDA 在"星链 WMS"里做入库上架，扫完码就弹"系统异常：库位校验失败(code 5031)"，
单据提交不了。出库那边也一样。网络是好的，PDA 上别的网页都能打开。
现在整个仓库三十多个人都停着，门口还有四车货等着卸。请立刻处理！
邹海""",
  "application error for the whole warehouse, network fine -> software P1")
R("software", "P1", "en", ("Natalie Cross", "natalie.cross@example.test"), "ResvPro down for the whole call centre",
  """Support team,

Since 08:45 every agent in the reservations call centre (about 40 people) gets "Unexpected error - please
contact your administrator" as soon as they open a booking in ResvPro. We can't create or change any
bookings. Phones are ringing and we're telling customers to call back.

Internet, email and Teams are all fine.

Natalie Cross
Reservations Team Lead""",
  "app error (server answers) for ~40 agents, core business stopped -> software P1")
R("software", "P1", "zh", ("零售运营 黄志强", "huangzhiqiang@example.test"), "门店收银软件升级后全部闪退",
  """各位好：
昨晚推送的收银系统 v5.2 更新之后，今天早上开门营业，华东区18家门店的收银软件一点"结账"就闪退。
门店现在只能手工记账，排队的顾客很多，已经有客人走了。
能不能先回滚到昨天的版本？请马上处理，门店店长一直在打我电话。
黄志强""",
  "POS application crash after an update in 18 stores -> software P1")
R("software", "P1", "mixed", ("HR 沈琳", "shenlin@example.test"), "Payroll 系统导出报错，今天必须发工资",
  """Hi IT,
今天是发薪日，HR 整个 payroll team (6 人) 在 PayEase 里 generate bank file 的时候都报错
"ORA-01555: snapshot too old", 银行文件出不来. 银行的截止时间是下午 3 点, 过了就发不出去了,
全公司 800 多人的工资. Please treat as top priority!!
沈琳 HR Ops""",
  "payroll run blocked for the whole team on pay day, company-wide effect -> software P1 (Oracle error is back-end of the app)")
R("software", "P2", "zh", ("孔令辉", "konglinghui@example.test"), "报销系统提交没反应，今天截止",
  """你好，
我在费控系统里提交差旅报销单，点"提交审批"按钮一点反应都没有，换了Edge和Chrome都一样，同事的可以提交。
财务说今天下午6点是本月报销截止时间，过了就要下个月了，一万多块钱呢。麻烦帮忙看看。
孔令辉 销售一部""",
  "app function broken for one user + hard deadline today -> P2")
R("software", "P2", "zh", ("结构组 俞斌", "yubin@example.test"), "CAD 一打开图纸就卡死",
  """你好：
我这两天打开项目图纸（dwg，大概80M）CAD 就卡死，任务管理器里显示"未响应"，只能强制关掉。
小一点的图纸能开。这套图明天上午要交给甲方审图，今天必须改完。麻烦尽快帮忙看一下。
俞斌 结构设计组""",
  "app hang for one user + deadline tomorrow morning -> P2",
  quote=quote_163("甲方 项目部 刘工", "liugong@client.example.cn", "2025-06-11 18:40:12",
                  "俞工您好，审图意见已发，请于明天上午10点前提交修改后的图纸，谢谢。"))
R("software", "P3", "zh", ("唐小曼", "tangxiaoman@example.test"), "每次开PDF都弹更新失败",
  """你好，最近每次打开 PDF 文件，阅读器都会先弹一个"更新失败，错误 1603"的窗口，点关闭之后还能正常看文件。
就是每次都弹很烦，能不能帮我处理一下？
唐小曼""",
  "error dialog, app still works -> software P3")
R("software", "P3", "zh", ("郑凯", "zhengkai@example.test"), "Outlook 日历和手机不同步",
  """IT 你好：
说来话长哈，上个月换了新手机以后我就把公司邮箱加到手机上了，一开始好好的，收邮件、看日历都没问题，
后来有一次手机系统自动升级了，我也没在意。然后上周二我约了供应商开会，在手机上建的，结果电脑上没有，
差点把会议忘了，还好同事提醒。所以现在的情况是：
我在电脑 Outlook 里建的会议，手机上的日历看不到，手机上建的电脑上也看不到，已经三天了。
邮件收发都正常。现在我都是开电脑看日程，出门的时候不太方便。
郑凯 采购部""",
  "rambling story; calendar sync problem, PC works -> software P3")
R("software", "P4", "zh", ("行政 蒋丽", "jiangli@example.test"), "OA首页有个错别字",
  """你好，顺便反馈个小问题：OA 首页快捷入口那里"请假申请"写成了"请加申请"，不影响使用，有空改一下就行。
蒋丽""",
  "cosmetic typo in an app -> software P4")
R("software", "P2", "zh", ("方志远", "fangzhiyuan@example.test"), "一上午蓝屏五次",
  """你好，
今天上午我的电脑已经蓝屏5次了，每次都是 DRIVER_IRQL_NOT_LESS_OR_EQUAL，重启以后用十几分钟又蓝屏。
写了一半的方案丢了两次，根本没法干活。我在 7 楼 7-105。
方志远""",
  "repeated blue screens, no physical symptom -> software; one person effectively blocked -> P2")
R("software", "P3", "zh", ("设计 黎晓", "lixiao@example.test"), "更新显卡驱动后副屏不亮了",
  """你好，昨天按提示更新了显卡驱动以后，我的第二块显示器就一直"无信号"，主屏正常。
线和显示器都换过了，接同事电脑是好的，应该是驱动的问题。现在只能用一块屏幕，凑合能干活。
黎晓""",
  "display words, but the driver update is the cause -> software; workaround single screen -> P3")
R("software", "P2", "zh", ("视觉设计 吴桐", "wutong@example.test"), "设计软件提示许可证过期打不开",
  """你好
今天打开 PixelForge 设计软件提示"您的许可证已于 2025-06-30 过期"，然后就直接退出了，完全打不开。
我手上三个海报今天要出稿，都要用这个软件。麻烦尽快续一下或者给我换个授权。
吴桐""",
  "expired licence -> software; one designer fully blocked with same-day deliverables -> P2")
R("software", "P3", "zh", ("数据组 蔡伟", "caiwei@example.test"), "Excel 宏运行报错 1004",
  """您好：
我们组用的那个自动汇总周报的 Excel 宏，这周开始运行到一半就报"运行时错误'1004'：应用程序定义或对象定义错误"。
现在先手工复制粘贴汇总，能做出来，就是要多花一个小时。麻烦帮忙看看宏哪里出问题了。
蔡伟""",
  "macro error, manual workaround -> software P3")
R("software", "P2", "en", ("Liam Walsh", "liam.walsh@example.test"), "SalesDesk quote builder crashes - customer waiting",
  """Hi,

The quote builder in SalesDesk crashes (the whole window closes) whenever I add more than 20 line items.
I have a customer waiting for a 34-line quote that I promised by end of day today. Smaller quotes work.
Can someone help me this afternoon?

Liam Walsh | Key Account Manager""",
  "app crash blocking a promised customer deliverable today -> P2")
R("software", "P3", "en", ("Chloe Adams", "chloe.adams@example.test"), "Teams notifications not popping up",
  """Hi,

Teams hasn't been showing any notifications for chats or calls since Monday - I only see messages when I
open the app. Windows notification settings look fine. I've been keeping the Teams window open as a
workaround.

Chloe""",
  "app misbehaviour with a workaround -> P3",
  quote=quote_gmail_en("Chloe Adams", "chloe.adams@example.test", "Mon, 9 Jun 2025 at 16:02",
                       "Note to self: ask IT about Teams notifications - missed two calls from the client today."))
R("software", "P3", "en", ("Ben Carter", "ben.carter@example.test"), "Windows update keeps failing overnight",
  """Hey,

So this has been going on for about two weeks now and I've been ignoring it, but it's starting to get
silly. Every single morning I come in, switch on, make a coffee, and come back to "We couldn't complete
the updates, undoing changes". It sits at 35% for ages, then rolls everything back, restarts again, and by
the time I see my desktop it's twenty minutes later. My colleague Priya said hers did the same thing last
month and someone from you guys "pushed something" and it stopped, no idea what. I've tried leaving it on
overnight, tried restarting twice, even ran the troubleshooter thing which told me it "fixed" something
(it didn't). Once I'm in, everything works fine, it's just the morning ritual that's driving me mad.

Anyway, whenever someone has a minute.

Ben""",
  "rambling story; OS update failure, machine usable afterwards -> P3")
R("software", "P4", "en", ("Ella Price", "ella.price@example.test"), "Typo in the expense tool",
  """Hi,

Tiny thing: the confirmation screen of the expense tool says "Your claim has been recieved". Made me smile,
but you may want to fix the spelling at some point.

Ella""",
  "cosmetic typo in an app -> software P4")
R("software", "P3", "en", ("Jack Morris", "jack.morris@example.test"), "Need Visio installed (no admin rights)",
  """Hello,

I've been asked to do the network diagrams for the Lyon office project that kicks off next Wednesday. I need
Microsoft Visio on my laptop but the installer asks for admin rights. Could you install it or tell me how to
get it through the software centre?

Thanks,
Jack""",
  "install needing admin rights -> software per guide; needed for work next week, no outage -> P3",
  quote=quote_outlook_old("Karen Holt", "karen.holt@example.test", "Tuesday, June 10, 2025 4:51 PM", "Jack Morris",
                          "Lyon office project", "Jack,\n\nCan you own the network diagrams for the Lyon fit-out? Kick-off is next Wednesday.\n\nKaren"))
R("software", "P2", "mixed", ("Vivian 陈", "vivian.chen@example.test"), "PowerPoint 一导出 PDF 就 crash",
  """Hi IT,
PowerPoint 每次 "Export to PDF" 就 crash, 整个程序直接关掉, 试了三次都一样.
今天下午 3 pm 的 board meeting 要用这份 PDF 发给董事们, 现在 11 点了, 能不能尽快帮我看看?
谢谢!
Vivian""",
  "app crash + hard deadline in hours -> P2")
R("software", "P3", "mixed", ("Jason 何", "jason.he@example.test"), "飞书客户端每次开机 update failed",
  """Hi,
飞书电脑客户端每次开机都弹 "update failed, error code 0x80070005", 点 retry 也没用.
不过网页版能正常用, 不算急. Please check when you have time.
Jason""",
  "client update failure, web version workaround -> P3")
R("software", "P3", "zh", ("陳怡君", "chen.yijun@example.test"), "報表系統匯出時出現 500 錯誤",
  """IT 您好：
我在業績報表系統按「匯出 Excel」的時候，頁面顯示「HTTP 500 內部伺服器錯誤」，在畫面上查詢是正常的。
目前先用截圖的方式給主管看，月底前需要正式的檔案。
再麻煩協助，謝謝！
陳怡君 台中辦公室""",
  "HTTP 500 from the app -> software; workaround (screenshots), deadline is end of month -> P3; Big5 plain",
  big5_plain=True)
R("software", "P2", "zh", ("客户经理 贺军", "hejun@example.test"), "Foxmail 打开提示数据库损坏",
  """你好：
今天早上打开 Foxmail，提示"邮箱数据库已损坏，是否修复"，点了修复进度到 60% 就不动了，一个多小时了。
现在所有邮件都看不到，客户的询价都在里面，上午还要回报价。麻烦快点帮我弄一下。
贺军""",
  "mail client broken for one user, customer work blocked -> P2")
R("software", "P3", "zh", ("小葛", "gexiao@example.test"), "输入法打不出中文了",
  """您好，今天开始搜狗输入法突然打不出中文了，切换以后只有英文，重装了一次也不行。
现在先用系统自带的微软拼音，能打字，就是不习惯。有空帮我看看，谢谢～
小葛""",
  "input method broken, built-in IME workaround -> P3")
R("software", "P2", "zh", ("财务 庞晓燕", "pangxiaoyan@example.test"), "开票软件打印发票报错",
  """IT您好：
税务开票软件开完票以后点"打印"就报错"打印模板加载失败"，然后软件就退出了。打印机打别的文件都正常，同事的电脑也能打。
客户今天下午要来拿发票，一共有十几张。麻烦尽快！
庞晓燕 财务部""",
  "application fails while printing, printer fine -> software; one user + customer pickup today -> P2")
R("software", "P3", "zh", ("HR 丁慧", "dinghui@example.test"), "钉钉考勤导出的表格是乱码",
  """你好，
从考勤系统导出的 CSV 用 Excel 打开，姓名那一列全是乱码（像"å¼ ä¸‰"这样），数字是正常的。
我现在是用记事本另存一下再打开，可以用，就是麻烦。下个月算考勤前能解决就好。
丁慧""",
  "export encoding issue in an app, workaround -> P3")
R("software", "P2", "en", ("Isabel Ruiz", "isabel.ruiz@example.test"), "Accounting app won't start after update",
  """Hi team,

After last night's update, LedgerLite won't start on my machine - it shows the splash screen and then
"Fatal error: component LLCore.dll could not be loaded". I'm the only AP clerk in today and I have 60
supplier payments to release before the 4pm bank cut-off.

Isabel Ruiz
Accounts Payable""",
  "app fails to start for one user; key process with a same-day cut-off -> P2; log attached (the log says 'network' - attachments never count)",
  structure="mixed", attach=[dict(type="txt", name="ledgerlite_startup.log",
                                  data="2025-06-12 07:58:01 INFO  start\n2025-06-12 07:58:02 INFO  network check ok\n"
                                       "2025-06-12 07:58:03 FATAL LLCore.dll could not be loaded (0x8007007E)\n")])
# ======================================================================
# NETWORK (24)
R("network", "P1", "zh", ("广州分公司 行政 曾敏", "zengmin@example.test"), "广州分公司连不上总部系统",
  """IT 部门：
不好意思打扰一下，应该也不是特别急，可能是我们这边的问题：
广州分公司今天早上开始整个办公室都连不上总部的系统，ERP、OA、共享盘全部打不开，一直转圈然后超时。
奇怪的是百度、微信这些外网都能上。我们这边四十多个人，销售下不了单，财务也做不了账。
请尽快看看我们和总部之间的专线是不是出问题了！
曾敏 广州分公司""",
  "calm and hedged (不是特别急), but the facts are a whole branch (~40) unable to order or book -> network P1 (politeness never lowers it)")
R("network", "P1", "en", ("Fiona Walsh", "fiona.walsh@example.test"), "Manchester 3rd floor - no network at all after power blip",
  """Hi,

We had a short power cut at about 07:50. Since it came back nothing on the 3rd floor connects - wired or
Wi-Fi. The comms cabinet by the lifts has lights on but the big switch is showing amber on every port.
That's roughly 50 people on this floor with no network, including the whole finance team.

Fiona
Office Manager, Manchester""",
  "whole floor offline (~50 people) -> network P1")
R("network", "P1", "zh", ("门店运营 石磊", "shilei@example.test"), "12家门店全部断网，收银联不了网",
  """紧急情况：
今天上午10:20左右开始，我们苏州片区12家门店的网络全部断了，路由器上"WAN"灯不亮。
收银系统离线只能收现金，扫码支付全部用不了，周末客流大，门店已经在排长队。
运营商那边说他们没有故障。请IT立即处理！
石磊""",
  "store network down in 12 stores, POS cannot take card/QR payments -> network P1")
R("network", "P1", "mixed", ("Eric 吴", "eric.wu@example.test"), "全公司内网域名解析失败 DNS server failed",
  """Hi IT team,
今天早上 9 点开始全公司的内网系统都打不开, oa.example.test, erp.example.test, wiki 全部显示 "This site can't be reached".
我试了 ping IP 是通的, nslookup 报 "server failed", 应该是 DNS 挂了.
整个公司都受影响, 包括工厂那边. Please check ASAP.
Eric (IT 联络员, 财务部)""",
  "DNS resolution failing company-wide -> network P1; requester diagnosed correctly")
R("network", "P2", "zh", ("会计 颜秋", "yanqiu@example.test"), "在家VPN连不上",
  """你好，
我今天在家办公（孩子生病请不了假），公司VPN一直提示"连接尝试失败，远程服务器没有响应"，家里网络是正常的，手机热点也试了。
今天要在金蝶里做月结分录，不连VPN根本进不去。麻烦尽快帮我看看，谢谢！
颜秋 财务部""",
  "VPN tunnel fails for one person who must work remotely today -> network P2")
R("network", "P3", "zh", ("黄小丽", "huangxiaoli@example.test"), "小会议室wifi信号很差",
  """你好！
8楼那间"星辰"小会议室的WiFi信号只有一格，开视频会议经常卡。走到外面走廊就好了。
我们开会先插网线凑合用，麻烦有空看一下是不是要加个AP。
黄小丽""",
  "weak Wi-Fi in one room, cable workaround -> P3")
R("network", "P3", "zh", ("测试组 武强", "wuqiang@example.test"), "这几天下午网速特别慢",
  """hi
我们测试组这一周每天下午两点到五点网速都特别慢，下个安装包要半小时，网页也是一卡一卡的，上午就正常。
不至于干不了活，就是效率很低。组里 8 个人都是这样，在 3 楼西区。
武强""",
  "team-wide slowness of the network, work continues -> network P3 (slow, not down)")
R("network", "P2", "zh", ("新员工 卢阳", "luyang@example.test"), "工位网口没有网",
  """您好，我是今天刚到岗的新同事，工位是 5-218，台式机插上网线右下角一直显示"未识别的网络"，没有网。
换了一个网口也一样，台式机没有无线网卡。现在什么系统都用不了，培训资料也打不开。
麻烦帮忙看一下，谢谢！
卢阳""",
  "one person with no connectivity at all, no workaround -> network P2")
R("network", "P4", "zh", ("贾涛", "jiatao@example.test"), "二楼AP灯一直是橙色",
  """你好，跟你们说一声：二楼打印区天花板上那个无线AP的指示灯这两天一直是橙色的，以前是蓝色。
不过WiFi用着都正常，网速也没问题，就是告诉你们一下，看要不要检查。
贾涛""",
  "informational report, nothing impaired -> network P4")
R("network", "P3", "zh", ("杜若", "duruo@example.test"), "有些外网网站打不开，提示代理服务器拒绝连接",
  """你好：
这两天我电脑上有些外网网站打不开，比如供应商的官网和几个行业网站，浏览器提示"代理服务器拒绝连接"。
公司内网系统、百度都正常。用手机能打开，我就先用手机查。
杜若 采购部""",
  "proxy issue for some sites, phone workaround -> network P3")
R("network", "P2", "zh", ("关务 莫少华", "moshaohua@example.test"), "海关单一窗口网站打不开",
  """IT同事：
我们报关组三个人从上午开始都打不开国际贸易单一窗口网站，提示"连接已重置"，别的网站都正常。
同事用手机4G可以打开，应该是公司网络或者防火墙拦了。
今天还有5票货要申报，过了今天要交滞港费。麻烦尽快处理！
莫少华 关务组""",
  "site blocked/reset from the company network for a small group, key process with same-day deadline -> network P2")
R("network", "P1", "zh", ("香港辦公室 何嘉欣", "ho.kayan@example.test"), "香港辦公室全部連不上網絡",
  """IT 同事你好：
今天早上開始香港辦公室所有電腦都上不了網，內部系統、檔案伺服器、印表機全部連不上，WiFi 也連不上。
全辦公室十五個人都不能工作，下午還有客戶來開會。麻煩盡快處理！
何嘉欣""",
  "everything offline incl. printers for the whole office (15) -> network P1; Traditional Chinese, Big5",
  big5=True)
R("network", "P2", "en", ("Aaron Blake", "aaron.blake@example.test"), "VPN drops every 10 minutes",
  """Hi,

I'm working from home all week and I'm on call for the payments platform. The VPN drops roughly every ten
minutes ("The network connection was interrupted") and it takes a couple of minutes to reconnect each time.
I got kicked out of two incident bridges this morning. Home broadband is fine - speed test 300 Mbit, no drops.

Aaron Blake
Platform Engineering""",
  "tunnel instability blocks the on-call engineer's essential work -> network P2")
R("network", "P3", "en", ("Lily Evans", "lily.evans@example.test"), "Guest Wi-Fi login page not loading in reception",
  """Hello,

Visitors in reception can join the "EX-Guest" Wi-Fi but the sign-in page never loads, so they don't get
internet. Staff Wi-Fi is fine. We've been letting visitors use a phone hotspot for now.

Lily, Reception""",
  "guest Wi-Fi portal broken, hotspot workaround, staff unaffected -> P3")
R("network", "P3", "en", ("Sam Patel", "sam.patel@example.test"), "Leeds: \"network path not found\" for S: drive",
  """Hi team,

From my laptop in the Leeds office I get "Windows cannot access \\\\fs02\\sales - The network path was not
found" when opening the S: drive. Colleagues sitting next to me can open it. I've restarted twice.
I can get most files from the SharePoint copy meanwhile.

Sam""",
  "share unreachable (path not found) -> network; one person, workaround -> P3")
R("network", "P3", "en", ("Owen Hughes", "owen.hughes@example.test"), "Can't log in to dealer portal from Birmingham showroom",
  """Hi,

None of the three of us in the Birmingham showroom can log in to the DealerHub portal - the login page just
spins and then Chrome says ERR_CONNECTION_TIMED_OUT. On our phones over 4G it loads and we can log in, so
we're placing orders from the phones for now. Can you check the showroom connection?

Owen""",
  "'cannot log in' but the error is a connection timeout -> network; small group with 4G workaround -> P3")
R("network", "P2", "mixed", ("Peter 林", "peter.lin@example.test"), "在客户现场 VPN connect 不上",
  """Hi IT,
我现在在客户 site 做上线支持, 公司 VPN 一直 connect 不上, error 是 "The remote connection was not made because
the attempted VPN tunnels failed". 客户的 guest wifi 和我手机热点都试过, 都一样.
今天要从公司 Git 拉代码部署, 没 VPN 什么都做不了, please help asap!
Peter""",
  "tunnel failure for one person working on site today -> network P2; Subject sent as raw 8-bit UTF-8 (non-compliant mobile client)", subj_enc="raw8",
  sig=HUAWEI)
R("network", "P3", "mixed", ("Annie 郭", "annie.guo@example.test"), "Board room 的网口没有网",
  """Hi,
十二楼 board room 桌上的 Ethernet port 插上没有网, 笔记本显示 "unidentified network".
Wi-Fi 可以用, 所以不急, 但是下周客户来的时候最好能修好. Thanks!
Annie""",
  "dead wall port, Wi-Fi workaround, meeting next week -> P3")
R("network", "P1", "zh", ("研发中心 项目经理 邓超", "dengchao@example.test"), "研发楼网络每隔几分钟断一次",
  """IT：
从中午开始整个研发楼（A栋 1-4 层，两百多人）的网络每隔三五分钟就断一下，每次十几秒。
代码提交经常失败，视频会议一直掉线，编译服务器的任务也中断了好几次。
今天下午版本要封板，大家现在基本干不了活。请尽快排查！
邓超""",
  "whole building intermittently offline, 200+ people unable to work -> network P1")
R("network", "P3", "zh", ("小邱", "qiuxiaoyu@example.test"), "wifi连上了但是上不了网",
  """笔记本连上公司wifi了 但是显示"无internet" 网页都打不开
同事的都能上 就我的不行 重启也没用
现在先开的手机热点 流量快用完了 能帮忙看看不""",
  "one device without connectivity, hotspot workaround -> P3; terse, no punctuation",
  sig=IPHONE)
R("network", "P2", "zh", ("采购 胡文静", "huwenjing@example.test"), "打印机、共享盘、OA 全部连不上",
  """你好：
我这台电脑从今天上午开始打印机、共享盘、OA 全部连不上，网页也打不开，右下角网络图标是个黄色感叹号。
同办公室其他人都正常。今天要在 OA 上提交三张采购订单，现在只能干等着。
胡文静""",
  "everything offline for one PC (printers included) -> network; one person blocked -> P2")
R("network", "P3", "zh", ("培训部 向晴", "xiangqing@example.test"), "培训室新电脑获取不到IP",
  """您好！
培训室新到的10台电脑插上网线都显示 169.254 开头的地址，获取不到 IP，办公区的电脑都正常。
下周二有新员工培训要用这些电脑，这周内弄好就行。
向晴 培训部""",
  "DHCP problem in a training room, needed next week -> network P3")
R("network", "P3", "en", ("Nina Park", "nina.park@example.test"), "Copying to the NAS is painfully slow for our team",
  """Hi,

Since the weekend, copying files to the project NAS from the 5th floor is really slow - a 2 GB folder takes
40 minutes instead of 3. Browsing the web is a bit sluggish too. It's the whole video team (6 of us), we can
still work, just slowly. Other floors say they're fine.

Nina""",
  "file copies and web slow together for one team -> network; degraded, not stopped -> P3")
R("network", "P2", "zh", ("总裁办 邵佳", "shaojia@example.test"), "和新加坡开视频会议卡顿严重",
  """IT 你好：
这两天上海到新加坡办公室的视频会议都非常卡，画面冻住、声音断断续续，新加坡那边说他们到其他地方都正常。
今天下午4点是和新加坡 CEO 的季度经营会，总裁要参加，之前测试的时候丢包有30%。
麻烦会前帮忙排查一下线路。
邵佳""",
  "inter-site link quality problem with a hard same-day deadline -> network P2 (not P1: one meeting)")

# ======================================================================
# ACCOUNT (24)
R("account", "P1", "zh", ("市场部 葛优优", "geyouyou@example.test"), "全公司统一登录登不进去",
  """IT：
现在全公司好像都登不进统一认证门户了，输完账号密码一直提示"短信验证码发送失败"，收不到验证码。
我们部门全部人都进不去 OA 和邮箱，问了研发、销售也一样。已经快一个小时了。
葛优优""",
  "company-wide login failure at the verification-code step -> account P1")
R("account", "P1", "en", ("Helen Ward", "helen.ward@example.test"), "Nobody in London getting MFA prompts",
  """Hi,

Since around 8am none of us in the London office are receiving the Authenticator push for Microsoft 365.
Approvals just never arrive, and "use a verification code" says the code is wrong. Anyone whose session
expired overnight is now locked out of Outlook and Teams - that's most of the 70 people here.

Helen Ward
Head of Operations, London""",
  "MFA failing for a whole office -> account P1")
R("account", "P2", "zh", ("许飞", "xufei@example.test"), "xitong提示账户已锁定",
  """你好 早上输错了几次密码 现在xitong提示"账户已被锁定，请联系管理员"
电脑 邮箱都登不进去 啥都干不了
麻烦帮忙解锁一下 工号 20318""",
  "locked account, user fully blocked -> P2; pinyin 'xitong' = 系统",
  sig=MI)
R("account", "P2", "zh", ("孟凡", "mengfan@example.test"), "出差VPN提示密码已过期",
  """您好：
我在成都出差，刚才连 VPN 的时候提示"您的密码已过期，请联系管理员"，不让我改密码也不让我登录。
这两天都要在客户现场通过 VPN 用报价系统，麻烦帮忙重置一下密码。
孟凡 西南大区""",
  "VPN shows 'password expired' -> account (credential), one remote worker blocked -> P2")
R("account", "P3", "zh", ("内审 薛冰", "xuebing@example.test"), "申请合同归档目录只读权限",
  """你好，
下周开始做年度合同审计，需要开通共享盘里"法务部/合同归档"目录的只读权限，审计期间用，到月底就可以收回。
已经跟法务部王经理打过招呼了，他说同意。
薛冰 内审部""",
  "permission request with lead time -> account P3")
R("account", "P3", "zh", ("人事 邱爽", "qiushuang@example.test"), "下周一三位新同事入职开通账号",
  """IT 你好：
下周一（6月16日）有三位新同事入职，需要开通域账号、邮箱、OA 和企业微信：
1. 王浩然 销售部
2. 李思琪 销售部
3. 赵一鸣 财务部
入职表已在 OA 提交，流程号 HR-2025-0611。谢谢！
邱爽""",
  "new-joiner accounts with a few days' lead time -> account P3")
R("account", "P3", "zh", ("销售总监 龙飞", "longfei@example.test"), "离职人员账号停用，邮箱转给我",
  """你好，
我们部门的周凯今天是最后一天上班，请今天下班后把他的电脑、邮箱、CRM 账号都停掉，
他的邮箱请转给我，客户邮件不能丢。
龙飞""",
  "leaver account closure with a same-day date -> account P3")
R("account", "P2", "zh", ("韦佳", "weijia@example.test"), "换手机号后收不到验证码",
  """IT 同事好：
我上周换了手机号，现在登录 OA 和报销系统，验证码还是发到原来的号码上，旧号已经停了，所以一直登不进去。
今天要审批部门的几张付款单，对方催得很紧。麻烦帮我改一下绑定的手机号。
韦佳 行政部经理""",
  "phone binding for verification codes; approver blocked on a key process -> account P2")
R("account", "P4", "zh", ("Emily 钟", "zhongxy@example.test"), "想加一个英文名的邮箱别名",
  """你好，想问一下能不能给我的邮箱加一个别名 emily.zhong@example.test，现在是拼音的不方便外国客户记。
不着急，有空处理就行，谢谢！
钟晓月""",
  "alias change, no date pressure -> account P4")
R("account", "P2", "zh", ("销售 尹俊", "yinjun@example.test"), "客户说收到我发的奇怪邮件",
  """IT 紧急！
今天上午好几个客户打电话问我是不是发了一封"发票待确认"的邮件带个链接，我根本没发过。
我看了已发送里面有几百封这样的邮件，是昨晚凌晨发出去的。是不是我的邮箱被盗了？
我现在该怎么办？要不要改密码？
尹俊""",
  "own account sending spam = compromised identity -> account per guide; one account, active misuse -> P2")
R("account", "P3", "zh", ("出纳 伍丹", "wudan@example.test"), "共享盘财务文件夹拒绝访问",
  """你好：
今天打开共享盘"财务部\\银行回单"文件夹提示"你当前无权访问该文件夹"，上周还可以。财务部其他目录都能进。
这个文件夹里是这个月的回单，这周做银行对账要用，麻烦帮我看看权限。
伍丹""",
  "access denied on one folder -> account; needed this week, other folders work -> P3")
R("account", "P2", "en", ("Adam Reid", "adam.reid@example.test"), "Locked out - presenting at 10",
  """Hi,

I'm locked out of my account after too many wrong password attempts (I'd changed it yesterday and my phone
kept trying the old one). Laptop says "The referenced account is currently locked out". I'm presenting to the
leadership team at 10:00 and the deck is in OneDrive.

Adam""",
  "lockout, one person blocked with a near deadline -> account P2")
R("account", "P3", "en", ("Zoe Clarke", "zoe.clarke@example.test"), "Access to Procurement SharePoint site",
  """Hello,

I've moved from Finance to Procurement this month. Could I please get edit access to the "Procurement Hub"
SharePoint site? My manager Daniel Wood has approved (he's in cc). I'm mostly shadowing colleagues this week,
so sometime in the next few days is fine.

Zoe""",
  "access request, a few days are fine -> account P3",
  cc="daniel.wood@example.test")
R("account", "P3", "en", ("Martin Cole", "martin.cole@example.test"), "Leaver on Friday - Mark Jensen",
  """Hi IT,

Mark Jensen (Logistics) leaves us this Friday. Please disable his accounts at 17:00 on Friday and give me
access to his mailbox for 30 days so I can pick up supplier threads.

Thanks,
Martin Cole
Logistics Manager""",
  "leaver with a fixed date a few days out -> account P3")
R("account", "P4", "en", ("Ruby Ford", "ruby.ford@example.test"), "Add me to the design-all list?",
  """Hi,
Could you add me to the design-all@ distribution list? I keep hearing about studio events a day late. No rush.
Ruby""",
  "group membership, no rush -> account P4")
R("account", "P2", "en", ("Noah Bennett", "noah.bennett@example.test"), "New phone, authenticator gone",
  """Hi support,

I got a new phone yesterday and didn't move the Authenticator app across. Now every sign-in (Outlook, Teams,
VPN) asks for the code and I have no way to get it. Old phone was traded in. I can't get into anything.

Noah Bennett
Sales Operations""",
  "MFA token lost, one person fully blocked -> account P2")
R("account", "P2", "en", ("Carla Mendes", "carla.mendes@example.test"), "Not authorized for ME21N after role change",
  """Hi,

Since my move to the buying team on Monday, SAP says "You are not authorized to use transaction ME21N" when
I try to create purchase orders. I have 15 POs to raise today for the plant shutdown parts - suppliers need
them by tomorrow.

Carla""",
  "app says 'not authorized' = permission -> account; key process for one person with a deadline -> P2",
  structure="mixed", attach=[dict(type="png", name="sap_not_authorized.png")])
R("account", "P2", "mixed", ("Grace 唐", "grace.tang@example.test"), "OA login 一直提示密码错误",
  """Hi IT,
我昨天刚 reset 了 OA 的密码, 今天登录一直提示 "用户名或密码错误", 试了新旧密码都不行, 再试就要 lock 了.
今天要在 OA 上 approve 两份合同, 客户等着盖章. Please help!
Grace""",
  "credentials rejected after reset; approver blocked on a key process -> account P2")
R("account", "P3", "mixed", ("Leo 徐", "leo.xu@example.test"), "New joiner Tom 下周一入职 accounts",
  """Hi team,
我们组 new joiner Tom Becker 下周一入职, 需要开 email account, VPN 和 Jira 的权限 (project: ORION).
电脑我们已经在采购流程里了. Thanks!
Leo 徐 | Engineering""",
  "new-joiner accounts with lead time -> account P3")
R("account", "P1", "mixed", ("Sales VP 刘海峰", "liuhaifeng@example.test"), "整个 sales team 的 CRM 账号都被 disabled",
  """Hi IT,
今天早上我们整个 sales team (20 多个人) 登录 CRM 都提示 "Your account is inactive, contact your administrator".
季度最后一周, 大家都在跟 deal, 现在没人能看客户和报价. 这个是 top priority, please fix now.
刘海峰""",
  "accounts disabled for a whole team, core sales work stopped -> account P1")
R("account", "P4", "zh", ("陶然", "taoran@example.test"), "企业微信绑定的手机号改一下",
  """你好，我的企业微信和 OA 绑定的是以前的手机号（那个号现在还能用），想改成新号码 139****5621。
有空帮我改一下就行，不急。
陶然""",
  "housekeeping change, old number still works, no rush -> account P4")
R("account", "P2", "zh", ("项目助理 聂雪", "niexue@example.test"), "续签合同后电脑提示账户已禁用",
  """你好：
我上周刚续签了劳动合同，今天早上开电脑提示"你的账户已被禁用，请向系统管理员咨询"，邮箱也登不上。
人事说续签手续都办完了，可能系统里还是按原合同到期日停用的。现在什么都用不了，麻烦尽快恢复。
聂雪""",
  "disabled account, one person fully blocked -> account P2",
  quote=quote_outlook_zh("人事部 邱爽", "qiushuang@example.test", "2025年6月9日 17:02", "聂雪",
                         "劳动合同续签完成", "聂雪你好，你的劳动合同续签已完成，新合同期限至2028年6月30日。"))
R("account", "P2", "zh", ("运营 严俊", "yanjun@example.test"), "回复：密码修改通知",
  """你好，我按下面这封通知改了密码，改完以后 ERP 登录就一直提示"登录失败：用户名或密码不正确"，邮箱是好的。
今天下午要在 ERP 里给客户做发货单，麻烦看下是不是 ERP 没同步新密码。
严俊""",
  "credential not synced to ERP; one person blocked on shipping docs today -> P2; quoted notice mentions 网络/安全",
  quote=quote_qq("IT服务台", "it-notice@example.test", "2025年6月10日(星期二) 上午9:00", "全体员工",
                 "密码修改通知", "各位同事：为保障网络安全，请于本周五前修改域账号密码。新密码需包含大小写字母和数字。"),
  reply=True)
# a few more requests that look like something else
R("account", "P2", "mixed", ("Iris 邓", "iris.deng@example.test"), "我好像点了 phishing link 还输了密码",
  """Hi IT,
刚才收到一封 "DocuSign: 请签署 Q3 合同" 的邮件, 我点了链接, 还在那个页面输入了公司邮箱和 password...
输完之后页面就跳到 Google 了, 我才反应过来可能是 phishing. 现在邮箱还能正常用.
Should I change my password now? 要不要做别的? Sorry!!
Iris""",
  "credentials handed to a phishing page: the fix is on the identity (reset, revoke sessions) -> account; one account at active risk -> P2")
R("software", "P2", "zh", ("外贸 钟慧", "zhonghui@example.test"), "转发: 退信 - 给客户的邮件发不出去",
  """IT 你好，我今天给德国客户发合同，连发三次都被退回来了，下面是退信内容，看不懂是什么意思。
客户要求今天下班前收到签字版合同，麻烦帮忙看看是我们这边的问题还是对方的问题？
钟慧""",
  "forwarded bounce with a question on top -> request about mail delivery (software); deadline today -> P2; quoted DSN words must not make it a bounce",
  quote="""---------- 转发的邮件 ----------
发件人: Mail Delivery System <MAILER-DAEMON@mx1.example.test>
日期: 2025年6月12日 10:31
主题: Undelivered Mail Returned to Sender

This is the mail system at host mx1.example.test.
I'm sorry to have to inform you that your message could not be delivered to one or more recipients.
<m.krause@kunde.example.de>: host mx.kunde.example.de[198.51.100.23] said: 554 5.7.1 Message rejected
    due to content restrictions (attachment type not allowed) (in reply to end of DATA command)
""")
R("software", "P3", "en", ("Daniel Moss", "daniel.moss@example.test"), "Fwd: Undeliverable: Intro - new packaging supplier",
  """Hi IT,

Why does this keep bouncing? I'm trying to reach a new packaging supplier, second attempt today. The
address came straight off their business card. Not urgent, I can phone them in the meantime.

Dan""",
  "forwarded NDR with a question above -> request (software: mail delivery); phone workaround -> P3",
  quote=quote_outlook_en("Microsoft Outlook", "postmaster@example.test", "Thursday, June 12, 2025 9:02 AM",
                         "Daniel Moss", "Undeliverable: Intro - new packaging supplier",
                         "Delivery has failed to these recipients or groups:\n\nsales@boxmakers.example.org\n"
                         "The email address you entered couldn't be found.\n\nDiagnostic information for administrators:\n"
                         "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"))

# ======================================================================
# REQUEST (17)
R("request", "P4", "zh", ("总监助理 夏天", "xiatian@example.test"), "请问怎么把日历共享给助理",
  """你好，
请问 Outlook 里怎么把我的日历共享给我的助理，让她可以帮我接受和安排会议？需要你们后台设置吗？
夏天""",
  "how-to -> request P4")
R("request", "P4", "zh", ("褚浩", "chuhao@example.test"), "咨询：在家办公的宽带能报销吗",
  """IT 你好，想咨询一下：我们部门现在每周有两天居家办公，家里的宽带费用公司能报销吗？
如果可以的话走什么流程？如果不归你们管，麻烦告诉我该找哪个部门，谢谢。
褚浩""",
  "policy question, nothing broken -> request P4 (network word 宽带 is not a fault)")
R("request", "P4", "zh", ("设计部 主管 花蕾", "hualei@example.test"), "采购咨询：设计部要两台4K显示器",
  """你好：
设计部明年一季度打算给两位设计师换 27 寸 4K 显示器，想先了解一下：
公司有没有指定品牌和型号？大概预算多少？是走 IT 采购还是部门自己买？
花蕾""",
  "procurement question with hardware words -> request P4")
R("request", "P4", "zh", ("牛莉莉", "niulili@example.test"), "急！！！在线等！！Word页码怎么从第三页开始",
  """急急急！！！
Word 里怎么让页码从第三页开始算第1页？前面两页是封面和目录。网上查的方法试了不行。
在线等！！！""",
  "shouting but a plain how-to with no stated business deadline -> request P4 (impact wins over adjectives)")
R("request", "P3", "zh", ("招聘 鲍静", "baojing@example.test"), "半小时后远程面试，腾讯会议怎么录屏？",
  """你好！
半小时后（10:30）我要用腾讯会议远程面试一位海外候选人，面试官要求全程录屏存档，
我找不到录制按钮，是不是要开通什么权限？麻烦尽快告诉我，谢谢！！
鲍静 人力资源部""",
  "how-to, nothing broken, but time-critical (interview in 30 min) -> request P3")
R("request", "P4", "zh", ("周芷若", "zhou.zhiruo@example.test"), "請問如何申請公司的雲端硬碟空間",
  """您好，
想請問一下公司的雲端硬碟要怎麼申請？我們小組想要一個共用的空間放專案資料，大約需要 50GB。
需要填什麼表單嗎？謝謝。
周芷若 新竹辦公室""",
  "how-to/consultation about a service, nothing broken -> request P4; Traditional Chinese Big5",
  big5=True)
R("request", "P4", "zh", ("行政 范晓", "fanxiao@example.test"), "同事的自动回复关不掉，能后台帮她关吗",
  """你好，
我们部门王芳休假回来了，但她的邮箱还在自动回复"我正在休假"，她说在手机上找不到关的地方。
你们能在后台帮她关掉吗？或者告诉我在电脑上怎么关，我去帮她弄。下面是她的自动回复，客户都收到了。
范晓""",
  "a human asking ABOUT an auto-reply, with the OOF text quoted -> kind request; nothing broken, how-to -> request P4",
  quote=quote_gmail_zh("王芳", "wangfang@example.test", "2025年6月12日周四 09:15",
                       "自动回复：您好，我正在休假（6月3日-6月10日），期间不能及时回复邮件，紧急事务请联系范晓。"))
R("request", "P4", "en", ("Paula Green", "paula.green@example.test"), "How do I set an out-of-office reply?",
  """Hi,

I'm off from the 23rd for two weeks. How do I set up an automatic reply in Outlook so people know I'm away,
and can I send a different message to people outside the company?

Thanks,
Paula""",
  "asks HOW to set an automatic reply; a human's how-to, not an auto-reply -> request P4")
R("request", "P4", "en", ("Tom Reeves", "tom.reeves@example.test"), "Feature idea: dark mode for the intranet",
  """Hi IT,

Would it be possible to add a dark mode to the intranet portal? A lot of us on the night shift find the
white pages really harsh. Just an idea for the backlog.

Tom""",
  "feature wish -> request P4")
R("request", "P4", "en", ("Rebecca Lowe", "rebecca.lowe@example.test"), "Which laptop for our new data analyst?",
  """Hello,

We have a data analyst joining in August who'll work with large datasets (Python, Power BI). Which laptop
model do you recommend from the approved list, and what's the budget range? Happy to raise the purchase
request myself once I know.

Rebecca""",
  "procurement question -> request P4")
R("request", "P3", "en", ("Marcus Webb", "marcus.webb@example.test"), "Customer call in 15 min - share sound in Teams?",
  """Quick one please - I have a customer call in 15 minutes and need to play a product video. How do I share
my screen WITH sound in Teams? Last time they couldn't hear anything.

Marcus""",
  "time-critical how-to (customer call in 15 min), nothing broken -> request P3")
R("request", "P4", "en", ("Alice Ng", "alice.ng@example.test"), "Policy on AI chat tools with customer data?",
  """Hi,

Is there a company policy on using AI chat assistants for drafting customer emails? Some of my team paste in
customer names and order details and I want to make sure that's allowed before it becomes a habit.

Alice Ng | Customer Success""",
  "policy question -> request P4")
R("request", "P4", "mixed", ("Jenny 王", "jenny.wang@example.test"), "请问 Adobe Acrobat Pro license 怎么申请",
  """Hi IT,
请问 Adobe Acrobat Pro 的 license 怎么申请? 我需要编辑 PDF 合同, 现在只有 Reader.
要走什么 approval 流程? 费用是算部门的吗? Thanks!
Jenny""",
  "licence procurement question, nothing broken -> request P4")
R("request", "P4", "mixed", ("Kevin 袁", "kevin.yuan@example.test"), "Suggestion: 会议室 booking 增加自动释放",
  """Hi team,
一个小建议: meeting room booking system 能不能加一个 "auto release" 功能, 比如开始 15 分钟没人签到就自动释放?
现在很多会议室订了没人用, 我们临时找会议室很难. Just a suggestion, 谢谢!
Kevin""",
  "suggestion -> request P4")
R("request", "P4", "mixed", ("Sunny 马", "sunny.ma@example.test"), "URGENT!! 公司 VPN 在德国能用吗",
  """URGENT!!!
下个月 (7月) 我要去德国出差两周, 请问公司 VPN 在 Europe 能用吗? 需要提前申请什么吗?
Please reply asap, thanks!!
Sunny""",
  "shouted URGENT, but a how-to about next month's trip -> request P4")
R("request", "P4", "mixed", ("前台 Cherry", "cherry.li@example.test"), "访客 WiFi 密码 是多少?",
  """Hi,
明天有 supplier 来开会, 想问一下 guest WiFi 的密码现在是多少? 上次那个好像改了. 谢谢~
Cherry 前台""",
  "question about a network service, nothing broken -> request P4")
R("request", "P4", "mixed", ("Roy 孙", "roy.sun@example.test"), "私人手机可以装公司邮箱吗 security policy",
  """Hi IT,
我想在自己的 Android 手机上装公司邮箱 (Outlook app), 这样出差方便. 请问 company policy 允许吗?
会不会要装什么 MDM 管理软件? Thanks.
Roy""",
  "policy/how-to question -> request P4")

# ======================================================================
# OTHER (16)
R("other", "P1", "zh", ("保安 值班 丁强", "dingqiang@example.test"), "机房天花板漏水！！",
  """IT 紧急！！
负一楼机房天花板在滴水，正好在第三排机柜上面，地上已经有一摊水了，应该是楼上卫生间的水管漏了。
我们拿了塑料布先盖着，物业在找人关阀门。机房里面的设备你们要不要先处理？请马上来人！
丁强 保安部""",
  "facility threat to all servers (water over racks) -> other P1")
R("other", "P1", "zh", ("财务总监 牟雪", "muxue@example.test"), "财务部好几台电脑文件都被加密了",
  """IT：
财务部现在有5台电脑桌面上都出现了"README_RESTORE.txt"，文件全部打不开，后缀变成了 .kraken。
还有同事说电脑正在变慢，可能还在加密。我已经让大家先别动电脑了。怎么处理？请马上派人！！
牟雪""",
  "ransomware spreading to several machines -> other P1")
R("other", "P2", "mixed", ("Frank 葛", "frank.ge@example.test"), "公司手机丢了 lost my company phone",
  """Hi IT,
我的公司手机 (iPhone 13, 资产号 MB-0377) 昨晚在出租车上丢了, 已经打过去没人接.
里面有企业微信、公司邮箱, 还有客户的联系方式. Can you remote wipe it? 我需要做什么?
Frank""",
  "lost device = asset/security incident -> other P2")
R("other", "P3", "zh", ("戚雯", "qiwen@example.test"), "收到一封可疑的“薪资调整”邮件",
  """你好，
今天收到一封标题是"2025年度薪资调整通知"的邮件，发件人是 hr-notice@examp1e-hr.example.net，让我点链接登录查看，
链接要求输入邮箱和密码。我没有点，感觉是钓鱼邮件。部门里好几个人都收到了，需要提醒大家吗？
戚雯""",
  "phishing report, nobody compromised -> other P3 (password words in the forwarded lure do not make it account)",
  quote="""---------- 转发的邮件 ----------
发件人: 人力资源部 <hr-notice@examp1e-hr.example.net>
日期: 2025年6月12日 08:14
主题: 2025年度薪资调整通知

各位同事：2025年度薪资调整结果已公布，请于今日下班前点击下方链接，使用企业邮箱账号和密码登录查看。
逾期未确认将视为放弃。 http://examp1e-hr.example.net/login
""")
R("other", "P4", "mixed", ("Alan 包", "alan.bao@example.test"), "调岗去深圳, laptop 要带走还是交回?",
  """Hi IT,
我下个月 1 号 transfer 到深圳分公司, 请问现在用的 laptop 和 monitor 要带过去, 还是交回总部再在深圳领新的?
资产系统里要做 transfer 吗? Thanks!
Alan""",
  "asset transfer logistics -> other P4")
R("other", "P4", "zh", ("财务部 助理 秦岚", "qinlan@example.test"), "财务部下个月搬到9楼",
  """IT 同事：
财务部 15 个人下个月 18 号（周五）下班后从 6 楼搬到 9 楼，需要 IT 帮忙拆装电脑、电话，9 楼的网口也要提前开通。
具体座位图稍后发给你们。提前跟你们打个招呼。
秦岚""",
  "office move with weeks of lead time -> other P4")
R("other", "P4", "zh", ("申明", "shenming@example.test"), "表扬一下小王",
  """你好，
上周我电脑坏了，你们的王工帮我弄到晚上八点多，还把数据都恢复了，非常耐心，特别感谢！
希望能转达给他领导，表扬一下。
申明 市场部""",
  "praise, no work to do -> other P4; mentions a past fault")
R("other", "P3", "zh", ("档案管理 覃丽", "qinli@example.test"), "新门禁卡刷不开档案室",
  """你好：
我上周换了新工卡，现在刷三楼档案室的门禁一直是红灯，办公区和电梯都能刷。
档案室每天都要进去调档，现在只能找保安帮忙开门。麻烦把档案室的门禁权限加到新卡上。
覃丽""",
  "door access (facility), not an IT account although it is a permission; workaround via security guard -> other P3")
R("other", "P2", "zh", ("老刘", "liujianhua@example.test"), "电脑弹窗说中病毒了，我打了上面的电话",
  """你好，刚才我电脑突然弹出一个满屏的窗口，说"您的电脑已感染病毒，请立即拨打微软客服电话"，还一直响警报。
我打了那个电话，对方让我装了一个远程软件，说帮我杀毒，后来又要我付 2999 元，我觉得不对就把电话挂了。
现在电脑还开着，那个远程软件好像还在。怎么办？
刘建华 后勤部""",
  "scam popup that led to remote access on one PC = active compromise on one machine -> other P2")
R("other", "P2", "en", ("Jason Reid", "jason.reid@example.test"), "Laptop stolen from my car",
  """Hi,

My car was broken into last night outside my flat and my work laptop bag was taken (ThinkPad, asset tag
EX-20981). Police report number is 4417/25. The laptop has BitLocker, I think. It has the tender documents for
the Harbour project on it. What do you need from me, and can you lock it?

Jason""",
  "stolen device = asset/security incident -> other P2")
R("other", "P3", "en", ("Sarah Quinn", "sarah.quinn@example.test"), "Found a USB stick in the car park",
  """Hello,

One of our team found a USB stick labelled "Salary review 2025" in the staff car park this morning. Nobody
has plugged it in. Should we hand it to you? It feels like a test, or worse.

Sarah Quinn
Facilities Coordinator""",
  "security report, nobody compromised -> other P3")
R("other", "P4", "en", ("Ian Fox", "ian.fox@example.test"), "Where do I return the loaner laptop?",
  """Hi,

My own laptop is back from repair, so I'd like to return the loaner you gave me. Where do I drop it off and
is there anything I should do first (wipe, sign out)?

Ian""",
  "asset return logistics, phrased as a question -> other P4")
R("other", "P4", "en", ("Holly Grant", "holly.grant@example.test"), "AV support for the town hall on the 26th",
  """Hi IT,

We're running the company town hall in the canteen on Thursday 26 June, 3-5pm. We'll need two wireless
mics, a laptop connected to the big screen and a livestream to Teams for the remote sites. Could someone
from IT be there to set up and stay for the session?

Holly Grant | Internal Comms""",
  "event/AV support with lead time -> other P4")
R("other", "P4", "en", ("Victor Hale", "victor.hale@example.test"), "Disk destruction certificate for decommissioned servers",
  """Hello,

For the ISO audit we need a data destruction certificate for the 30 hard disks removed from the old DC racks
in April. Do you have that, or can you arrange the shredding and paperwork with the vendor? The audit is
in September.

Victor Hale | Compliance""",
  "data destruction / asset administration, months ahead -> other P4")
R("other", "P4", "mixed", ("Amanda 谢", "amanda.xie@example.test"), "Re: [#3302] 打印机不能双面打印",
  """Hi,
问题已经 solved 了, 今天早上师傅来换了双面器, 现在 OK. Ticket 可以 close 了, thanks a lot!
Amanda""",
  "thanks/closure note on an existing ticket; printer words but no work -> other P4",
  reply=True)
R("other", "P1", "zh", ("动力值班 韩涛", "hantao@example.test"), "机房市电中断，UPS 电池只剩20分钟",
  """IT 值班同事：
园区 10:42 市电中断，供电局说是线路故障，恢复时间不确定。柴油发电机自动启动失败，正在抢修。
机房 UPS 现在显示电池剩余约 20 分钟。ERP、邮件、生产 MES 服务器都在上面，请马上决定要不要按顺序关机！
韩涛 动力部""",
  "facility power threat to all servers -> other P1")
# ======================================================================
# NON-REQUEST KINDS (17)
BOT = "IT Support <support@example.test>"

M("autoreply", "-", "-", "zh", ("邬建华", "wujianhua@example.test"), "自动答复: 回复: [#4417] 打印机卡纸",
  """您好！
我于6月16日至6月20日参加外部培训，期间无法及时查看邮件。
如有急事，请致电部门助理（分机 3306）。谢谢！""",
  "Exchange OOF in Chinese; signals: Auto-Submitted: auto-replied, X-Auto-Response-Suppress; subject carries printer words",
  client="exchange", structure="alt", charset="gb2312", codec="gbk", cte="base64", subj_enc="gbk-b",
  headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")], reply=True)
M("autoreply", "-", "-", "en", ("Northwind Support", "support@northwind.example.com"),
  "[NW-88213] We've received your request: RE: Licence renewal quote",
  """Hello,

Thank you for contacting Northwind Support. Your request (#88213) has been received and is being reviewed
by our support staff. You will receive a response within 2 business days.

To add additional comments, simply reply to this email.

Northwind Support Team
This is an automated message.""",
  "another helpdesk's acknowledgement (ticket-loop risk) -> autoreply; signals: Auto-Submitted: auto-generated, X-Auto-Response-Suppress, helpdesk ticket headers",
  client="plain", structure="alt", cte="7bit",
  headers=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"),
           ("X-Helpdesk-Ticket", "88213"), ("X-Mailer", "Northwind Desk 4.2")], reply=True)
M("autoreply", "-", "-", "en", ("Martin Cole", "martin.cole@example.test"), "Read: VPN access for contractors", "",
  "read receipt (MDN): multipart/report report-type=disposition-notification from a person's address",
  client="outlook", report=dict(
      report_type="disposition-notification",
      human="""Your message

  To: Martin Cole
  Subject: RE: [#4402] VPN access for contractors
  Sent: Wednesday, June 11, 2025 3:12:44 PM (UTC+00:00) Dublin, Edinburgh, Lisbon, London

was read on Wednesday, June 11, 2025 3:40:02 PM (UTC+00:00) Dublin, Edinburgh, Lisbon, London.
""",
      fields=[("Reporting-UA", "LON-EXCH02.example.test; Microsoft Exchange Server"),
              ("Final-Recipient", "rfc822;martin.cole@example.test"),
              ("Original-Message-ID", "<t4402.1749654764@example.test>"),
              ("Disposition", "manual-action/MDN-sent-manually; displayed")]),
  reply=True)
M("autoreply", "-", "-", "mixed", ("蒋文博 Wilson", "wilson.jiang@partner.example.cn"), "Auto Reply：关于显示器更换",
  """您好，我目前在外地出差（6月9日-6月13日），邮件会延迟回复，急事请打我手机。
Hi, I am on a business trip until 13 June with limited email access. For urgent matters please call me.""",
  "bilingual out-of-office; the only header signal is X-Autorespond (strong) + 'Auto Reply：' subject",
  client="foxmail", structure="alt", charset="gbk", cte="base64", subj_enc="gbk-b",
  headers=[("X-Autorespond", "on")], reply=True)
M("autoreply", "-", "-", "zh", ("鼎盛物流客服系统", "noreply@dingsheng-log.example.cn"), "您的邮件已收到（系统自动回复，请勿直接回复）",
  """尊敬的客户：
您好！您发送至 service@dingsheng-log.example.cn 的邮件我们已收到，客服人员将在1个工作日内处理。
查询进度请登录客户服务平台。本邮件由系统自动发出，请勿直接回复。
鼎盛物流 客户服务中心""",
  "a partner system's acknowledgement -> autoreply; signals: Auto-Submitted: auto-generated, Return-Path <>",
  client="coremail", structure="html", charset="gbk", cte="base64", subj_enc="gbk-b",
  pre_headers=[("Return-Path", "<>")], headers=[("Auto-Submitted", "auto-generated")], reply=True)

_o1 = simple_original(BOT, "f.meier@lieferant.example.de", "Re: [#4425] Zugang zum Lieferantenportal",
                      "Hello,\r\n\r\nYour ticket #4425 has been created.\r\n",
                      "Wed, 11 Jun 2025 08:02:11 +0800", "<t4425.1749600131@example.test>",
                      extra=[("Auto-Submitted", "auto-replied")])
M("bounce", "-", "-", "en", ("Mail Delivery System", "MAILER-DAEMON@mx1.example.test"),
  "Delayed Mail (still being retried)", "",
  "Postfix delay notice: multipart/report, Action: delayed -> still a bounce (no ticket)",
  client="plain", report=dict(
      human="""This is the mail system at host mx1.example.test.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

For further assistance, please send mail to postmaster.

                   The mail system

<f.meier@lieferant.example.de>: connect to mx.lieferant.example.de[203.0.113.80]:25:
    Connection timed out
""",
      fields=[("Reporting-MTA", "dns; mx1.example.test"), ("X-Postfix-Queue-ID", "4ZHk2m0Qb7z3wPq"),
              ("X-Postfix-Sender", "rfc822; support@example.test"),
              ("Arrival-Date", "Wed, 11 Jun 2025 08:02:11 +0800 (CST)")],
      recipients=[[("Final-Recipient", "rfc822; f.meier@lieferant.example.de"),
                   ("Original-Recipient", "rfc822;f.meier@lieferant.example.de"),
                   ("Action", "delayed"), ("Status", "4.4.1"),
                   ("Diagnostic-Code", "X-Postfix; connect to mx.lieferant.example.de[203.0.113.80]:25: Connection timed out"),
                   ("Will-Retry-Until", "Mon, 16 Jun 2025 08:02:11 +0800 (CST)")]],
      original=_o1, original_as="headers", human_desc="Notification"),
  headers=[("Auto-Submitted", "auto-replied")])
M("bounce", "-", "-", "zh", ("系统退信", "postmaster@mail.qq.example.com"), "退信：Re: [#4420] 您的工单已创建", "",
  "Tencent-style plain-text bounce in Chinese; only From postmaster + 退信 subject + X-Failed-Recipients",
  client="plain", charset="gbk", cte="base64", subj_enc="gbk-b",
  raw_body="""很抱歉您的邮件没有发送成功。

收件人：xiaoyu_88@qq.example.com
退信原因：收件人邮箱不存在或已被冻结（550 Mailbox not found or access denied）

建议解决方案：请检查收件人地址是否正确，或通过其他方式联系收件人。

----- 原邮件信息 -----
发件人：support@example.test
主题：Re: [#4420] 您的工单已创建
时间：2025-06-11 14:22:05
""",
  headers=[("X-Failed-Recipients", "xiaoyu_88@qq.example.com")])
_o3 = simple_original(BOT, "j.wilkins@customer-c.example.com", "RE: [#4431] Monitor replacement",
                      "Hello,\r\n\r\nWe have resolved your ticket #4431. Is it solved? Reply yes or no.\r\n",
                      "Thu, 12 Jun 2025 10:14:00 +0000", "<t4431.1749723240@example.test>")
M("bounce", "-", "-", "en", ("Microsoft Outlook", "postmaster@customer-c.example.com"),
  "Undeliverable: RE: [#4431] Monitor replacement", "",
  "Exchange NDR: multipart/report with the bot's mail attached, From postmaster",
  client="exchange", report=dict(
      human="""Your message to j.wilkins@customer-c.example.com couldn't be delivered.

j.wilkins wasn't found at customer-c.example.com.

Action Required: Recipient
Unknown To address

How to Fix It
The address may be misspelled or may not exist. Try one or more of the following:
- Retype the recipient's address, then resend the message.
""",
      fields=[("Reporting-MTA", "dns;AM6PR02MB4410.eurprd02.prod.outlook.example.com"),
              ("Received-From-MTA", "dns;mx1.example.test"),
              ("Arrival-Date", "Thu, 12 Jun 2025 10:14:02 +0000")],
      recipients=[[("Final-Recipient", "rfc822;j.wilkins@customer-c.example.com"), ("Action", "failed"),
                   ("Status", "5.1.10"),
                   ("Diagnostic-Code", "smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")]],
      original=_o3),
  headers=[("Auto-Submitted", "auto-replied"), ("X-MS-Exchange-Message-Is-Ndr", "")])
_o4 = simple_original(BOT, "rohan.k@mail.example.com", "Re: [#4436] Laptop order",
                      "Hello,\r\n\r\nThank you, we have received your request #4436.\r\n",
                      "Fri, 13 Jun 2025 02:10:00 +0000", "<t4436.1749780600@example.test>")
M("bounce", "-", "-", "en", ("Mail Delivery Subsystem", "mailer-daemon@googlemail.example.com"),
  "Delivery Status Notification (Delay)", "",
  "Gmail-style delay DSN (Action: delayed) with text/rfc822-headers -> bounce",
  client="plain", report=dict(
      human="""** Delivery incomplete **

There was a temporary problem delivering your message to rohan.k@mail.example.com. Gmail will retry for
46 more hours. You'll be notified if the delivery fails permanently.

The response from the remote server was:
421 4.7.0 Try again later, closing connection.
""",
      fields=[("Reporting-MTA", "dns; googlemail.example.com"),
              ("Arrival-Date", "Thu, 12 Jun 2025 19:10:03 -0700 (PDT)")],
      recipients=[[("Final-Recipient", "rfc822; rohan.k@mail.example.com"), ("Action", "delayed"),
                   ("Status", "4.7.0"), ("Remote-MTA", "dns; mx.mail.example.com. (192.0.2.61)"),
                   ("Diagnostic-Code", "smtp; 421 4.7.0 Try again later, closing connection."),
                   ("Will-Retry-Until", "Sat, 14 Jun 2025 19:10:03 -0700 (PDT)")]],
      original=_o4, original_as="headers"))
_o5 = simple_original(BOT, "chen.lu@corp.example.cn", "Re: [#4440] VPN 账号申请",
                      "您好，您的工单 #4440 已创建，我们会尽快处理。\r\n",
                      "Fri, 13 Jun 2025 16:30:00 +0800", "<t4440.1749803400@example.test>")
M("bounce", "-", "-", "zh", ("邮件系统管理员", "postmaster@corp.example.cn"), "邮件延迟投递通知：Re: [#4440] VPN 账号申请", "",
  "Coremail-style delay notice in Chinese: multipart/report, Action: delayed -> bounce; subject carries VPN/account words",
  client="coremail", subj_enc="utf8-b", report=dict(
      human="""您好，这是邮件系统自动发出的通知。

您发送给 chen.lu@corp.example.cn 的邮件暂时无法投递，系统将在 48 小时内继续尝试，无需重新发送。
原因：对方服务器暂时不可用（451 Temporary local problem）。
""",
      human_charset="utf-8", human_cte="base64",
      fields=[("Reporting-MTA", "dns; mx.corp.example.cn"),
              ("Arrival-Date", "Fri, 13 Jun 2025 16:30:02 +0800")],
      recipients=[[("Final-Recipient", "rfc822; chen.lu@corp.example.cn"), ("Action", "delayed"),
                   ("Status", "4.3.0"), ("Diagnostic-Code", "smtp; 451 Temporary local problem")]],
      original=_o5),
  headers=[("Auto-Submitted", "auto-generated")])

M("bulk", "-", "-", "zh", ("信息技术部", "it-notice@example.test"), "【IT通知】OA系统6月21日升级，期间暂停使用",
  """各位同事：
OA 系统将于 6月21日（周六）08:00-18:00 升级到新版本，期间 OA 审批、考勤、报销等功能暂停使用。
升级后首次登录需要重新绑定手机号，如遇登录问题请联系 IT 服务台。
请大家提前处理好紧急审批。
信息技术部""",
  "internal mass announcement with list headers; mentions login/OA problems but asks nothing -> bulk",
  client="outlook", structure="alt", charset="utf-8", cte="base64", subj_enc="utf8-b",
  to="all-staff@example.test, support@example.test",
  headers=[("List-Id", "All Staff <all-staff.example.test>"), ("Precedence", "bulk"),
           ("List-Unsubscribe", "<mailto:all-staff-request@example.test?subject=unsubscribe>")])
M("bulk", "-", "-", "en", ("Greg Novak", "greg.novak@example.test"), "[helpdesk-users] Anyone else's VPN dropping every few minutes today?",
  """Hi all,

My VPN has dropped five times this morning, each time right in the middle of a call. Home internet is fine.
Is it just me or is anyone else seeing this? Should I raise a ticket?

Greg
_______________________________________________
helpdesk-users mailing list
helpdesk-users@lists.example.test
https://lists.example.test/mailman/listinfo/helpdesk-users""",
  "mailing-list post that reads like a problem report, copied to support -> bulk (bulk beats content)",
  client="thunderbird", structure="plain", cte="7bit",
  to="helpdesk-users@lists.example.test, IT Support <support@example.test>",
  headers=[("X-BeenThere", "helpdesk-users@lists.example.test"), ("X-Mailman-Version", "2.1.39"),
           ("Precedence", "list"), ("List-Id", "Helpdesk users <helpdesk-users.lists.example.test>"),
           ("List-Post", "<mailto:helpdesk-users@lists.example.test>"),
           ("List-Unsubscribe", "<https://lists.example.test/mailman/options/helpdesk-users>"),
           ("Sender", "helpdesk-users <helpdesk-users-bounces@lists.example.test>")])
M("bulk", "-", "-", "en", ("Jira", "jira@tracker.example.test"), "[JIRA] (INFRA-2231) Print queue on 3F stuck",
  """Priya Nair updated INFRA-2231
-------------------------------
Print queue on 3F stuck

Change By: Priya Nair
Status: Open -> In Progress
Assignee: IT Support

View the issue: https://tracker.example.test/browse/INFRA-2231
This message was sent by Atlassian Jira.""",
  "machine notification from a tool (Jira): Precedence: bulk (it also carries Auto-Submitted: auto-generated; the guide files tool notifications under bulk) -> bulk; printer words do not make it a request",
  client="plain", structure="alt", cte="7bit",
  headers=[("Precedence", "bulk"), ("X-JIRA-FingerPrint", "a91c3f0e22b84d7a"),
           ("X-Atlassian-Mail-Message-Id", "INFRA-2231-88231"), ("Auto-Submitted", "auto-generated")])
M("bulk", "-", "-", "zh", ("云盾安全学院", "webinar@yundun-sec.example.net"), "【线上研讨会】零信任网络架构实战 | 6月26日 14:00",
  """尊敬的 IT 负责人：
诚邀您参加"零信任网络架构实战"线上研讨会：VPN 替代方案、终端准入、勒索病毒防护最佳实践。
时间：6月26日（周四）14:00-15:30
扫码或点击链接报名，前100名赠送《企业网络安全白皮书》。
如不想再收到此类邮件，请点击退订。""",
  "vendor webinar with List-Unsubscribe / Precedence: bulk -> bulk; network/security keywords",
  client="plain", structure="html", html_style="newsletter", charset="utf-8", cte="base64", subj_enc="utf8-b",
  headers=[("Precedence", "bulk"), ("List-Unsubscribe", "<https://yundun-sec.example.net/unsub?u=77120>"),
           ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")])

M("spam-like", "-", "-", "zh", ("财务 李经理", "li_manager8821@fapiao-svc.example.net"), "代开各类发票，点数低，可验证",
  """您好！
本公司长期代开增值税专用发票、普通发票、运输费发票、办公用品（电脑、打印机、耗材）发票，
点数优惠，可上网查询验证。有需要请加微信：fp-88221，或致电 138-0000-0000 李经理。""",
  "junk offer, no list headers, not about an IT problem of the sender -> spam-like; hardware words only in the pitch",
  client="plain", structure="html", charset="gbk", cte="base64", subj_enc="gbk-b")
M("spam-like", "-", "-", "en", ("Mailbox Administrator", "admin@mailbox-verify.example.org"),
  "Mailbox storage full: verify your account to avoid suspension",
  """Dear user,

Your mailbox support@example.test has exceeded its storage limit (99.8%). Incoming messages are being
held. To avoid suspension of your account, verify your password within 24 hours:

https://mailbox-verify.example.org/owa/verify?u=support

IT Helpdesk Team""",
  "credential-phishing junk without list headers -> spam-like (not an account request: no human asked anything)",
  client="plain", structure="alt", cte="quoted-printable")
M("spam-like", "-", "-", "mixed", ("Lisa | 卓越网站建设", "lisa@zhuoyue-web.example.com"), "企业官网改版 Website redesign 限时 8 折",
  """您好 Hi there,
我们是专业的网站建设团队, 为 500+ 企业提供官网设计、SEO 优化、小程序开发.
We noticed your website could load faster on mobile. 本月签约享 8 折优惠, 免费出设计稿!
微信 / WeChat: zy-web-2025""",
  "bilingual cold marketing, no list headers -> spam-like",
  client="gmail", structure="alt", charset="utf-8", cte="base64", subj_enc="utf8-b")
