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
call before it cuts out, so I'm basically unable to work today.

Hugo
Account Manager, Enterprise""",
  "overheating/shutdowns = physical; one person unable to work -> P2")
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
  "app hang for one user + deadline tomorrow morning -> P2")
R("software", "P3", "zh", ("唐小曼", "tangxiaoman@example.test"), "每次开PDF都弹更新失败",
  """你好，最近每次打开 PDF 文件，阅读器都会先弹一个"更新失败，错误 1603"的窗口，点关闭之后还能正常看文件。
就是每次都弹很烦，能不能帮我处理一下？
唐小曼""",
  "error dialog, app still works -> software P3")
R("software", "P3", "zh", ("郑凯", "zhengkai@example.test"), "Outlook 日历和手机不同步",
  """IT 你好：
我在电脑 Outlook 里建的会议，手机上的日历看不到，手机上建的电脑上也看不到，已经三天了。
邮件收发都正常。现在我都是开电脑看日程，出门的时候不太方便。
郑凯 采购部""",
  "sync problem, PC works -> software P3")
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
  "app misbehaviour with a workaround -> P3")
R("software", "P3", "en", ("Ben Carter", "ben.carter@example.test"), "Windows update keeps failing overnight",
  """Hey,

Every morning my PC shows "We couldn't complete the updates, undoing changes". It's stuck at 35% and then
rolls back. Takes 20 minutes to get to my desktop each day. After that everything works.

Ben""",
  "OS update failure, usable after -> P3")
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
  "install needing admin rights -> software per guide; needed for work next week, no outage -> P3")
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
  "app fails to start for one user; key process with a same-day cut-off -> P2")
