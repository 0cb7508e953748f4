"""TUNE2 set specs for supportbot triage (issue 12 §2, second round): hand-written from
../shared/corpus/GUIDE.md, labelled BEFORE any rule saw them. Build with:
    python3 ../../../shared/corpus/tools/build.py tune2_specs.py tune2
(run from tests/eval). Content is synthetic; all addresses use reserved example domains.
This set may be used for tuning; the held-out set (tests/eval/holdout) may not."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specs_kit import (BIG5, DISCLAIMER, SIG_HUAWEI, SIG_IPHONE_EN, SIG_IPHONE_ZH, Kit,  # noqa: E402,F401
                       quote_163, quote_gmail_en, quote_outlook_en, quote_outlook_zh, quote_qq,
                       simple_original)

SEED = 2612
kit = Kit()
MAILS = kit.MAILS
M, R = kit.M, kit.R

# ================================================================ hardware
R("hardware", "P2", "zh", ("周敏", "zhoumin@example.test"), "笔记本开不了机",
  """早上来了笔记本按电源没有任何反应，充电灯也不亮，换了插座也一样。我的活都在这台电脑上，现在什么都做不了。""" + SIG_IPHONE_ZH,
  "one person, device dead, no workaround -> P2")
R("hardware", "P3", "zh", ("小黄", "xiaohuang@example.test"), "键盘有几个键不灵",
  """键盘的 E 和 R 键要按很用力才有反应，打字很别扭。我先接了个旧键盘在用，有空帮我换一个。""",
  "workaround (old keyboard) -> P3")
R("hardware", "P1", "zh", ("仓库 刘主管", "liuzg@example.test"), "仓库手持终端全部开不了机",
  """仓库的十几台手持扫描枪今天早上充完电全都开不了机，拣货完全停了，下午的发货车马上要到。""",
  "core business (warehouse picking/shipping) stopped, many devices -> P1")
R("hardware", "P4", "zh", ("王芳", "wangfang@example.test"), "显示器有个小亮点",
  """显示器右下角有一个小亮点，平时看不出来，不影响使用，就是告诉你们一声，以后换显示器的时候考虑一下。""",
  "cosmetic, 不影响使用 -> P4")
R("hardware", "P3", "en", ("Mark O'Neil", "mark.oneil@example.test"), "printer streaks",
  """The printer by the kitchen on 2nd floor puts grey streaks on every page. I've been sending stuff to the one near reception instead.""",
  "printer quality, other printer usable -> P3")
R("hardware", "P2", "en", ("Hannah Lee", "hannah.lee@example.test"), "laptop screen black",
  """My laptop boots (I hear the fan and the startup sound) but the screen stays completely black. External monitor doesn't show anything either. I can't do any work at all and I'm the only one covering payroll queries today.""",
  "one person fully blocked -> P2; no display -> hardware")
R("hardware", "P3", "en", ("dave", "dave.k@example.test"), "URGENT!!! headset",
  """URGENT!!! my headset mic crackles on calls. people can still hear me mostly. can i get a new one""",
  "urgent word, trivial impact, usable -> P3")
R("hardware", "P2", "zh", ("陈老师", "chenls@example.test"), "投影仪不亮，十分钟后开会",
  """3楼大会议室投影仪开机后灯一直闪红，投不出画面。十分钟后客户来开会，要演示方案，请马上派人过来！""",
  "device fault, hard near deadline (customer meeting) -> P2 (never P1)")
R("hardware", "P3", "zh", ("老李", "laoli@example.test"), "电脑好慢",
  """我这台电脑用了五六年了，开机要五分钟，开个excel都要等半天，硬盘灯一直亮着。能不能给换个固态硬盘？现在勉强能用。""",
  "whole PC slow, old machine, no app named -> hardware; usable -> P3")
R("hardware", "P3", "zh", ("前台小美", "xiaomei@example.test"), "前台电话",
  """前台座机听筒有杂音，对方说听不清楚，我先用免提接电话了。""",
  "desk phone device, workaround -> P3")
R("hardware", "P1", "en", ("Chris Yang", "chris.yang@example.test"), "NAS dead - whole design team",
  """The NAS in the server closet is beeping and the front panel says two disks failed. The design share is gone for the whole team (about 15 people), nobody can open their project files and we have a print deadline tonight.""",
  "storage device failed behind a share -> hardware; team stopped -> P1")
R("hardware", "P2", "mixed", ("Kevin 张", "kevin.zhang@example.test"), "电脑进水了",
  """刚才水杯倒了，keyboard 全湿了，现在电脑 no power，按什么都没反应。I need it for the quarterly report due today 下午五点前要交。""",
  "liquid damage, one person blocked, deadline -> P2")
R("hardware", "P3", "mixed", ("Amy 林", "amy.lin@example.test"), "mouse 不好用",
  """我的 wireless mouse 经常 lag，光标一卡一卡的，换了电池也一样。Not a big deal, 用触控板也可以，有空换一个就行。""",
  "workaround, hedged -> P3")
R("hardware", "P2", "zh", ("财务 孙", "sun.cw@example.test"), "打印机卡纸",
  """财务室唯一那台打印机卡纸了，拿不出来，报错 E-02。今天下班前要打印报销凭证给银行，别的打印机不能打我们的凭证纸。""",
  "printer jam; no workaround (special paper) + deadline today -> P2")
R("hardware", "P3", "zh", ("小丁", "xiaoding@example.test"), "xt有异响",
  """主机一开机就咔咔响，像是硬盘的声音，电脑还能用，但是怕坏了。""",
  "pinyin-ish 'xt'; clicking disk, still works -> P3")
R("hardware", "P4", "en", ("Nina", "nina.b@example.test"), "key labels",
  """The letters on a few of my keys have worn off (A, S, D). Doesn't affect anything, I touch type. Just FYI for the next refresh.""",
  "cosmetic -> P4")
R("hardware", "P2", "zh", ("销售 何", "he.xs@example.test"), "手机摔坏了",
  """公司配的工作手机摔了，屏幕全黑只有震动，客户都打这个号码找我，今天一直在外面跑客户。""",
  "company phone as device, one person blocked on essential work -> P2")
R("hardware", "P3", "en", ("Oscar Diaz", "oscar.diaz@example.test"), "Re: laptop fan",
  """Fan is still loud after the cleaning last week, sounds like a small jet. Laptop runs fine otherwise but it's distracting in meetings.""",
  "fan noise, works -> P3",
  quote=quote_outlook_en("IT Support", "support@example.test", "Monday, 10 March 2025 09:15", "Oscar Diaz", "laptop fan", "Hi Oscar, we cleaned the fan, please let us know if it is better."))
R("hardware", "P1", "zh", ("生产部 赵", "zhao.sc@example.test"), "产线电脑黑屏",
  """二号产线的三台工控机同时黑屏，重启也没有画面，整条线停下来了，工人都在等。""",
  "production line stopped -> P1; no display -> hardware")
R("hardware", "P3", "zh", ("小何", "xiaohe@example.test"), "扫描仪",
  """楼下那台扫描仪扫出来的文件有一条黑线，用复印机的扫描功能也能扫，就是麻烦点。""",
  "scanner quality, workaround -> P3")
R("hardware", "P2", "en", ("Jonas", "jonas.m@example.test"), "charger broken",
  """My laptop charger cable is frayed and stopped working. Battery is at 6% and I'm working from home today, no spare charger here. Can someone courier one or tell me what to do?""",
  "one person about to be blocked, remote, no workaround -> P2")
R("hardware", "P3", "zh", ("林", "lin.x@example.test"), "显示器闪",
  """显示器隔一会儿就闪一下黑屏，一两秒又好了，能干活，就是眼睛很累。""" + SIG_HUAWEI,
  "intermittent flicker, usable -> P3")
R("hardware", "P3", "zh", ("黄经理", "huangjl@example.test"), "紧急！！！打印机",
  """紧急！！！我办公室的打印机打出来有点歪，急急急！""",
  "urgent words, trivial fault -> P3")
R("hardware", "P2", "zh", ("林小姐", "linxj@example.test"), "電腦開不了機",
  """我的桌上型電腦今天早上開不了機，按電源鍵風扇轉一下就停了，完全無法工作，麻煩盡快派人來看。""",
  "Traditional Chinese; device dead, one person blocked -> P2", **BIG5)
R("hardware", "P3", "en", ("Pete", "pete.r@example.test"), "webcam",
  """hi my webcam shows everything purple lol. using my phone for teams calls meanwhile. thx""" + SIG_IPHONE_EN,
  "device fault, workaround -> P3")
R("hardware", "P2", "en", ("Ms. Kaur", "kaur@example.test"), "Label printer at dispatch",
  """The label printer at our dispatch desk stopped printing, its light is blinking orange. I'm the only one packing today and I can't ship anything without labels. Other teams' shipping is fine.""",
  "one person (small dispatch desk) blocked, not company-wide -> P2")
R("hardware", "P3", "mixed", ("Leo 李", "leo.li@example.test"), "dock 问题",
  """我的 dock 插上以后只有一个屏幕亮，另一个 no signal。Laptop 屏幕还能用 so not urgent。""",
  "workaround, 'not urgent' matches facts -> P3")

# ================================================================ software
R("software", "P2", "zh", ("会计 郑", "zheng.kj@example.test"), "金蝶打不开",
  """金蝶 K3 一打开就闪退，重装了也一样，同事的都正常。我今天要做凭证，没有别的办法。""",
  "app crash one person, essential work, no workaround -> P2")
R("software", "P3", "zh", ("小孙", "xiaosun@example.test"), "Excel 老是卡死",
  """Excel 打开大文件就卡死，要等好几分钟才恢复。小文件没问题，先把文件拆开用了。""",
  "app hang, workaround -> P3")
R("software", "P1", "en", ("Operations", "ops.lead@example.test"), "Order system throwing 500 for everyone",
  """Since about 9:40 the order entry system returns "HTTP 500 Internal Server Error" on submit for all of customer service (25+ agents). Other websites load fine. We are taking orders on paper.""",
  "HTTP 500 = app; whole team, order entry stopped -> P1")
R("software", "P4", "en", ("Beth", "beth.c@example.test"), "typo in HR portal",
  """The HR portal's leave page says "Anual leave" instead of "Annual leave". Cosmetic only.""",
  "cosmetic issue in an app -> software P4")
R("software", "P3", "zh", ("小刘", "xiaoliu@example.test"), "Outlook 收不到新邮件",
  """电脑上的 Outlook 从昨天开始不刷新了，一直显示"正在更新此文件夹"，网页版邮箱可以收。""",
  "email client fault, webmail workaround -> P3")
R("software", "P2", "en", ("Ahmed", "ahmed.s@example.test"), "blue screen loop",
  """My PC keeps blue-screening with DRIVER_IRQL_NOT_LESS_OR_EQUAL right after login, three times now. I can't get to anything and I have client calls all afternoon.""",
  "BSOD, one person blocked -> software P2")
R("software", "P3", "zh", ("秦", "qin@example.test"), "微信电脑版登录后闪退",
  """电脑版企业微信登录以后几秒就闪退，手机上的可以用，先用手机回消息。""",
  "app crash, phone workaround -> P3")
R("software", "P2", "zh", ("设计 肖", "xiao.sj@example.test"), "CAD 许可证过期",
  """AutoCAD 打开提示"许可证已过期，无法使用"，今天要出施工图给甲方，画不了图。""",
  "licence expired -> software; one person blocked + deadline -> P2")
R("software", "P3", "en", ("Rita", "rita.p@example.test"), "Teams notifications",
  """Teams on my laptop stopped showing notifications for chats. I only notice messages when I open the app. Annoying but I'm managing.""",
  "minor function, managing -> P3")
R("software", "P4", "zh", ("小方", "xiaofang@example.test"), "OA 字体",
  """OA 审批页面的按钮文字有点被截断，"提交申请"显示成"提交申"，不影响点，就是看着别扭。""",
  "cosmetic app issue -> P4")
R("software", "P1", "zh", ("财务总监", "cfo.office@example.test"), "SAP 过账全部报错",
  """财务部所有人 SAP 过账都报"系统内部错误 RFC_ERROR"，今天是月结最后一天，整个部门停着。网络没问题，别的系统都能用。""",
  "app error, whole department, month-end close -> P1")
R("software", "P3", "en", ("Tim", "tim.h@example.test"), "Adobe update failed",
  """Acrobat keeps asking to update and then fails with error 1603. The old version still opens PDFs fine.""",
  "update failure, still usable -> P3")
R("software", "P3", "mixed", ("Jessica 陈", "jessica.chen@example.test"), "Word 一保存就 crash",
  """Word 每次 save as PDF 就 crash，普通保存没问题。我先用打印成 PDF 的方法，please take a look when you can。""",
  "app crash on one function, workaround -> P3")
R("software", "P2", "mixed", ("Eric 王", "eric.wang@example.test"), "CRM 报错",
  """CRM 打开客户页面一直 "Unexpected error occurred, please contact admin"，其他人好像没事。我下午两点要给客户报价，报价单只能在 CRM 里出。""",
  "app error one person, deadline -> P2")
R("software", "P3", "zh", ("小郭", "xiaoguo@example.test"), "打印驱动",
  """我电脑上打印的时候提示"打印机驱动程序不可用"，同事用那台打印机都没问题。我先让同事帮我打。""",
  "driver unavailable on one PC -> software; workaround -> P3")
R("software", "P2", "zh", ("HR 邓", "deng.hr@example.test"), "招聘系统打不开",
  """招聘系统一点登录就白屏，清缓存换浏览器都一样，今天有二十个面试要在系统里安排，急。""",
  "app white screen; one HR person blocked on essential work with deadline -> P2 (one person)")
R("software", "P4", "en", ("Alan", "alan.t@example.test"), "Excel ribbon",
  """Not a problem really, but my Excel ribbon shows in a different colour than everyone else's. Doesn't matter, just curious.""",
  "nothing impaired, cosmetic -> P4")
R("software", "P3", "zh", ("小马", "xiaoma@example.test"), "电脑蓝屏",
  """昨天和今天各蓝屏了一次，重启以后就好了，代码好像是 MEMORY_MANAGEMENT。现在还能用。""",
  "BSOD intermittent; no physical symptom -> software; usable -> P3")
R("software", "P2", "en", ("Fiona", "fiona.g@example.test"), "need VS Code installed today",
  """I'm starting on the data migration project today and need Python and VS Code installed; my account has no admin rights so the installer stops. I can't start the work without it.""",
  "install needs admin -> software; one person blocked today -> P2")
R("software", "P1", "en", ("Store Ops", "store.ops@example.test"), "POS app crashing in all stores",
  """Since this morning's update the POS app crashes when scanning any item with a discount, in all 40 stores. Staff are ringing discounts by hand and queues are long everywhere.""",
  "app crash, all stores, POS core business -> P1")
R("software", "P3", "zh", ("张工", "zhanggong@example.test"), "VPN 客户端一打开就闪退",
  """更新以后 VPN 客户端一启动就闪退，弹个错误框就没了。我今天在办公室，暂时用不到，回家前需要好。""",
  "VPN client crashes -> software; not needed now -> P3")
R("software", "P3", "en", ("Jake", "jake.p@example.test"), "mail rejected?",
  """Got this bounce when I emailed our supplier, why was it rejected? Other mails go through fine.""",
  "forwarded bounce with a question -> request about mail delivery -> software; one contact -> P3",
  quote="---------- Forwarded message ---------\nFrom: Mail Delivery System <MAILER-DAEMON@mx.example.test>\nSubject: Undelivered Mail Returned to Sender\n\n<orders@supplier.example.com>: host mx.supplier.example.com said: 554 5.7.1 rejected by policy\n")
R("software", "P2", "zh", ("出纳 吴", "wu.cn@example.test"), "网银U盾驱动装不上",
  """网银的 U 盾驱动装了提示"安装失败 错误代码 0x80070005"，今天下午三点前必须把供应商的款付出去。""",
  "driver install failure; one person + hard deadline -> P2")

# ================================================================ network
R("network", "P1", "zh", ("行政 钱", "qian.xz@example.test"), "五楼全部断网",
  """五楼从九点半开始有线无线都上不了网，整层大概四十个人都干不了活，电话会议也开不了。""",
  "whole floor, no connectivity -> P1")
R("network", "P3", "zh", ("小雷", "xiaolei@example.test"), "wifi 信号差",
  """会议室 B 的 wifi 信号很弱，老是断，开会的时候用手机热点顶着。""",
  "one room, hotspot workaround -> P3")
R("network", "P2", "en", ("Sara Kim", "sara.kim@example.test"), "VPN won't connect - working from home",
  """VPN says "The connection attempt failed" every time since this morning. I'm home all week (kid is sick) and everything I do is on the internal systems. Internet itself works.""",
  "VPN tunnel failure, one remote person blocked -> network P2")
R("network", "P3", "en", ("Ben", "ben.f@example.test"), "slow internet",
  """Internet feels really slow today, web pages take 10+ seconds and file copies to the share crawl. Still getting things done, just slowly.""",
  "network slowness, degraded -> P3")
R("network", "P1", "en", ("Shanghai Office Manager", "sh.office@example.test"), "Shanghai office offline",
  """Nobody in the Shanghai office can reach anything outside - internet, email, cloud CRM all time out. That's all 60 of us. Sales calls are stopping.""",
  "whole site down -> P1")
R("network", "P2", "zh", ("小邱", "xiaoqiu@example.test"), "网口不通",
  """我工位的网口插上网线显示"未识别的网络"，笔记本没有无线网卡，现在完全上不了网，别人的工位都正常。""",
  "wired port dead, no workaround, one person -> P2")
R("network", "P3", "zh", ("小赵", "zhao.x@example.test"), "共享盘打不开",
  """打开 \\\\fs01\\市场部 提示"找不到网络路径"，但是网页都能上。急用的文件同事先发微信给我了。""",
  "network path not found -> network; workaround -> P3")
R("network", "P2", "mixed", ("Daniel 周", "daniel.zhou@example.test"), "VPN 老掉线",
  """VPN connect 上去五分钟就 drop，重连又掉。I'm travelling in Singapore and need to access ERP for 客户订单 today。""",
  "VPN drops, remote one person, essential -> P2")
R("network", "P3", "mixed", ("Ivy 何", "ivy.he@example.test"), "wifi 连不上",
  """我的手机连不上公司 wifi 了，一直 "无法加入网络"，电脑是好的。not urgent 哈。""",
  "phone wifi only, laptop fine -> P3")
R("network", "P1", "zh", ("客服中心 主管", "kf.zg@example.test"), "不急，但是客服中心的电话都打不出去了",
  """不急，就是跟你们说一下：客服中心的网络电话从中午开始全都打不出去，提示网络不可达，三十个坐席都在等。""",
  "politeness never lowers: whole call center, VoIP unreachable -> network P1")
R("network", "P3", "en", ("Yuki", "yuki.t@example.test"), "site blocked",
  """The proxy blocks a supplier documentation site (docs.vendor.example.com) as "uncategorized". I need it for reference this week; can it be allowed?""",
  "proxy/firewall rule, mild impact -> P3")
R("network", "P2", "en", ("Warehouse", "wh.lead@example.test"), "scanner wifi drops in aisle 7",
  """Our handheld scanners lose WiFi every time we go into aisles 6-8, so two pickers have to walk back to the front to sync every order. The rest of the warehouse is fine.""",
  "AP coverage area; small group slowed on core work, workaround (walk back) -> P3? labelled P3",
  )
MAILS[-1]["pri"] = "P3"
R("network", "P3", "zh", ("小陶", "xiaotao@example.test"), "网速慢",
  """这两天下午网速特别慢，传个文件要很久，网页也转圈。能用，就是慢。""",
  "network slow, usable -> P3")
R("network", "P2", "zh", ("外贸 吕", "lv.wm@example.test"), "连不上国外网站",
  """从昨天开始打不开客户的网站和 Gmail，其他国内网站都正常。今天要回复好几个海外客户的询价，整个外贸组五个人都不行。""",
  "small group (5), key process blocked -> P2")
R("network", "P1", "zh", ("门店运营", "md.yy@example.test"), "所有门店连不上总部系统",
  """全国门店从十点起全部连不上总部，收银同步失败，会员也查不了。总部内部访问正常。""",
  "all stores WAN down, POS -> P1")
R("network", "P3", "en", ("Lucas", "lucas.b@example.test"), "DNS weirdness",
  """intranet.example.test doesn't resolve from my laptop but the IP works. Using the IP for now.""",
  "DNS, workaround -> P3")
R("network", "P2", "zh", ("财务 曹", "cao.cw@example.test"), "登录不了银企直连，提示连接超时",
  """登录银企直连一直提示"连接超时"，账号密码都没错，别的网站能打开。今天要发工资，就我一个人负责。""",
  "login wording but error is timeout -> network; one person + payroll deadline -> P2")
R("network", "P3", "zh", ("小胡", "xiaohu@example.test"), "dy机连不上",
  """dy机（打印机）在网络上找不到了，可是我电脑上网没问题，别的同事也都能上网。""",
  "pinyin 'dy机' = printer; printer not found on network while network works -> hardware",
  )
MAILS[-1]["cat"] = "hardware"
R("network", "P1", "en", ("IT Ops (Chengdu)", "cd.itops@example.test"), "Chengdu site VPN tunnel down",
  """The site-to-site tunnel between Chengdu and HQ is down since 08:10. The whole Chengdu factory can't reach MES, production is on hold.""",
  "inter-site link, production stopped -> P1")
R("network", "P3", "zh", ("小齐", "xiaoqi@example.test"), "VPN 慢",
  """在家连 VPN 打开共享文件特别慢，网页什么的都正常。能凑合用。""",
  "file access over VPN slow, usable -> P3")
R("network", "P2", "en", ("Noah", "noah.w@example.test"), "no internet at my desk",
  """Can't get on the network at all at my desk — ethernet shows "no internet", and the laptop's wifi card died months ago. I'm stuck, have a report due by end of day.""",
  "one person fully blocked + deadline -> P2")
R("network", "P3", "zh", ("小叶", "xiaoye@example.test"), "Re: 网络问题",
  """还是老样子，下午三四点的时候无线会断个一两分钟，然后自己就好了。""",
  "intermittent wifi drops -> P3",
  quote=quote_outlook_zh("IT服务台", "support@example.test", "2025年3月5日 10:00", "小叶", "网络问题", "您好，我们调整了无线 AP 的信道，请观察一下。"))

# ================================================================ account
R("account", "P2", "zh", ("小潘", "xiaopan@example.test"), "账号被锁了",
  """输错几次密码，电脑登录提示"账户已被锁定"，现在进不了系统，什么都干不了。""",
  "lockout, one person blocked -> P2")
R("account", "P3", "zh", ("小宋", "xiaosong@example.test"), "密码快过期了",
  """系统提示我的密码三天后过期，怎么改？""",
  "how-to about password? nothing broken -> request P4",
  )
MAILS[-1]["cat"] = "request"; MAILS[-1]["pri"] = "P4"
R("account", "P1", "en", ("Helpdesk lead", "hd.lead@example.test"), "nobody can sign in - SSO",
  """Since 8:30 nobody in the company can sign in to anything that uses SSO — the login page says "AADSTS50058" / session error. Email, HR, CRM all affected.""",
  "company-wide login -> account P1")
R("account", "P2", "en", ("Maria Lopez", "maria.lopez@example.test"), "MFA codes not arriving",
  """I'm not getting the SMS verification code for the VPN/MFA login anymore; I changed my phone number last week. I can't log in to anything from home today.""",
  "MFA/phone binding, one person blocked -> P2")
R("account", "P3", "en", ("Owen", "owen.c@example.test"), "access to finance folder",
  """Could I get read access to the Finance\\Budgets folder? My manager approved it (cc'd). Needed for next week's planning.""",
  "permission request, date next week -> P3")
R("account", "P4", "zh", ("小常", "xiaochang@example.test"), "邮箱别名",
  """能不能给我的邮箱加一个英文别名 lily.chang@example.test？不急，有空弄一下就行。""",
  "alias, housekeeping, no date -> P4")
R("account", "P2", "zh", ("市场 严", "yan.sc@example.test"), "新同事明天入职",
  """市场部新同事明天早上入职，叫杜明，需要开通邮箱、OA 和企业微信账号，电脑已经有了。""",
  "new joiner accounts, deadline tomorrow -> P2 (near deadline raises)")
R("account", "P3", "zh", ("小卢", "xiaolu@example.test"), "OA 提示没有权限",
  """OA 里打开合同审批模块提示"您没有权限访问此页面"，我是新调到法务的。别的功能都正常。""",
  "forbidden in app -> account; one function -> P3")
R("account", "P2", "en", ("Zoe", "zoe.m@example.test"), "password expired on VPN",
  """VPN login now says "Your password has expired" and won't let me change it from the client. I'm remote, can't reach anything.""",
  "VPN + password expired -> account; one remote person blocked -> P2")
R("account", "P1", "zh", ("客服经理", "kf.jl@example.test"), "客服系统全部登录不了",
  """客服部全部二十五个人登录工单系统都提示"验证码错误"，换浏览器也不行，客户电话进来没法记录。""",
  "verification codes failing for whole team -> account P1")
R("account", "P3", "en", ("Greg", "greg.h@example.test"), "forgot my Jira password",
  """I forgot my Jira password and the reset email never arrives. Not urgent, I can ask a teammate to update the tickets for me today.""",
  "forgotten password, workaround -> P3")
R("account", "P2", "en", ("Security-conscious user", "linda.f@example.test"), "someone logged in as me?",
  """I just got an alert "new sign-in from Lagos, Nigeria" on my mail account, and my Sent folder has mails I didn't write going to my contacts. Please help asap.""",
  "compromised identity -> account; active compromise one person -> P2")
R("account", "P3", "zh", ("小彭", "xiaopeng@example.test"), "申请加入项目组邮件组",
  """麻烦把我加到 project-x 邮件组，下周开始参与这个项目。""",
  "group membership, next week -> P3")
R("account", "P4", "en", ("Irene", "irene.z@example.test"), "display name",
  """My display name in Outlook still shows my maiden name "Irene Smith"; could it be changed to Irene Zhou at some point? No hurry.""",
  "housekeeping, no date -> P4")
R("account", "P2", "zh", ("部门经理 马", "ma.jl@example.test"), "离职员工账号",
  """销售部小刘今天最后一天上班，下班后请停用他的所有账号，邮箱转给我。他有客户资料的权限，必须今天处理。""",
  "leaver, today deadline -> P2")
R("account", "P3", "mixed", ("Vivian 郭", "vivian.guo@example.test"), "ERP 登不进去",
  """ERP login 一直说 "用户名或密码错误"，I'm sure 密码是对的，昨天还能用。今天主要在做别的，明天要用。""",
  "credentials rejected; not needed today -> P3")
R("account", "P2", "mixed", ("Jason 孙", "jason.sun@example.test"), "account locked!!",
  """my AD account locked again 第三次了，can't log into the laptop at all，在机场等飞机需要处理邮件。""",
  "lockout, one person blocked -> P2")
R("account", "P3", "zh", ("小文", "xiaowen@example.test"), "手机换了，验证器要重新绑定",
  """换了新手机，公司的验证器 app 要重新绑定，旧手机还在我手上，暂时还能用旧的收验证码。""",
  "token rebinding, old phone workaround -> P3")
R("account", "P1", "en", ("Plant Manager", "plant.mgr@example.test"), "all operators locked out of MES",
  """Every operator account on the MES terminals was locked this morning after the password policy change. Both lines are stopped, about 50 operators waiting.""",
  "account lockout, production stopped -> account P1")
R("account", "P3", "zh", ("小曾", "xiaozeng@example.test"), "共享文件夹拒绝访问",
  """打开 \\\\fs02\\项目资料 提示"拒绝访问，你需要权限"，上周还可以。现在让同事把文件拷给我了。""",
  "access denied -> account; workaround -> P3")
R("account", "P4", "zh", ("小邹", "xiaozou@example.test"), "下个月离职，电脑怎么办",
  """我下个月底离职，想问一下账号什么时候停用，邮箱里的资料要不要自己备份？""",
  "leaver question far off; about accounts -> account P4")
R("account", "P2", "en", ("Henry", "henry.l@example.test"), "Salesforce says user deactivated",
  """Salesforce login says "Your user account has been deactivated". I'm in sales and have calls booked all day with customers, can't log any of them.""",
  "disabled account, one person essential work -> P2")
R("account", "P3", "zh", ("小严", "xiaoyan2@example.test"), "企业邮箱登录验证码收不到",
  """网页版企业邮箱登录要手机验证码，我收不到短信。电脑上的 Outlook 还能正常收发。""",
  "MFA, workaround (Outlook) -> P3")

# ================================================================ request (nothing broken)
R("request", "P4", "zh", ("小金", "xiaojin@example.test"), "紧急！！请问打印机怎么双面打印",
  """紧急！！请问三楼那台打印机怎么设置双面打印？""",
  "how-to mentioning hardware; urgent words -> request P4")
R("request", "P4", "en", ("Paul", "paul.d@example.test"), "which laptop should we buy",
  """We're hiring two designers next quarter. Which laptop model do you recommend and what's the budget range?""",
  "procurement question -> request P4")
R("request", "P3", "en", ("Claire", "claire.v@example.test"), "how to share screen in Teams - meeting in 15 min",
  """How do I share just one window (not my whole screen) in Teams? I'm presenting to a customer in 15 minutes.""",
  "time-critical how-to -> P3")
R("request", "P4", "zh", ("小殷", "xiaoyin@example.test"), "建议",
  """建议 OA 的请假流程能加一个手机审批，现在领导出差批不了。""",
  "suggestion -> P4")
R("request", "P4", "mixed", ("Cindy 罗", "cindy.luo@example.test"), "请问 VPN 怎么用",
  """下周去 Tokyo 出差，请问在酒店 how do I connect VPN？需要装什么软件吗？""",
  "how-to VPN travel -> request P4")
R("request", "P4", "zh", ("小韦", "xiaowei@example.test"), "请问邮箱容量",
  """急急急！公司邮箱最大能发多大的附件？""",
  "urgent words, information question -> P4")
R("request", "P4", "en", ("Martin", "martin.s@example.test"), "feature idea for the intranet",
  """Would be great if the intranet search could also search inside PDFs. Just an idea!""",
  "wish -> P4")
R("request", "P4", "zh", ("小柳", "xiaoliu2@example.test"), "怎么连会议室的投影",
  """请问会议室的投影仪怎么连我的 Mac？需要什么转接头？下周二开会用。""",
  "how-to mentioning hardware, nothing broken -> request P4")
R("request", "P4", "en", ("Aisha", "aisha.k@example.test"), "policy on personal phones",
  """Are we allowed to read work email on our personal phones? If so is there a guide?""",
  "policy question -> P4")
R("request", "P4", "zh", ("小贺", "xiaohe2@example.test"), "采购显示器",
  """我们组想采购两台 27 寸显示器，走什么流程？预算大概多少？""",
  "procurement -> P4")
R("request", "P4", "en", ("Kim", "kim.j@example.test"), "URGENT question about Outlook signature",
  """URGENT: how do I add our new logo to my Outlook signature??""",
  "urgent word, how-to -> P4")
R("request", "P4", "zh", ("小岳", "xiaoyue@example.test"), "请问怎么设置邮件自动转发",
  """休假期间想把邮件自动转发给同事，请问在 Outlook 里怎么设置？""",
  "how-to, mentions auto forward -> request P4")
R("request", "P4", "mixed", ("Rachel 邱", "rachel.qiu@example.test"), "Excel 问题",
  """请问 Excel 里 how to 做 pivot table 按月汇总？不急，学习一下。""",
  "how-to, nothing broken -> P4")
R("request", "P3", "zh", ("小雪", "xiaoxue@example.test"), "马上要用：怎么把 PPT 投到电视上",
  """二十分钟后客户到，会议室的电视怎么无线投屏？我没弄过，麻烦告诉我步骤。""",
  "time-critical how-to -> P3")
R("request", "P4", "en", ("Gary", "gary.n@example.test"), "keyboard recommendations",
  """Is there an approved list of ergonomic keyboards I could order? My wrists hurt a bit after long days.""",
  "procurement question -> P4")
R("request", "P4", "zh", ("小贝", "xiaobei@example.test"), "密码规则",
  """请问公司密码要求多少位？要不要有特殊字符？我想提前改一个好记的。""",
  "password words, question only -> request P4")
R("request", "P4", "en", ("Ursula", "ursula.k@example.test"), "suggestion: self-service printer setup",
  """Suggestion: a short wiki page on adding the office printers on a Mac would save you a lot of tickets. Happy to help write it.""",
  "suggestion mentioning hardware -> P4")
R("request", "P4", "zh", ("小米", "xiaomi@example.test"), "OA能不能加个功能",
  """OA 能不能加一个批量导出报销单的功能？每个月都要一张张点，挺费时间。""",
  "feature wish -> P4")

# ================================================================ other
R("other", "P3", "zh", ("小任", "xiaoren@example.test"), "收到可疑邮件",
  """收到一封说我邮箱要过期、让我点链接验证密码的邮件，我没点，转给你们看看。""",
  "phishing received, not clicked -> other P3",
  quote="---------- 转发的邮件 ----------\n发件人: 邮箱管理员 <admin@mail-verify.example.net>\n主题: 您的邮箱即将停用\n\n请在24小时内点击链接验证您的密码，否则邮箱将被停用。\n")
R("other", "P2", "en", ("Tony", "tony.b@example.test"), "laptop stolen",
  """My laptop was stolen from my car last night (police report filed). It has customer files on it. What do I do now?""",
  "stolen device -> other P2")
R("other", "P1", "zh", ("机房值班", "jf.zb@example.test"), "机房温度报警",
  """机房两台空调都停了，温度已经到 35 度还在涨，服务器风扇狂转。""",
  "server-room cooling -> P1")
R("other", "P4", "zh", ("小倪", "xiaoni@example.test"), "谢谢",
  """问题已经解决了，谢谢张工！工单可以关了。""",
  "thanks/closure -> other P4")
R("other", "P2", "en", ("Finance PC user", "ken.o@example.test"), "files all renamed .locked",
  """All files on my PC suddenly have a .locked extension and there's a ransom note on the desktop. I pulled the network cable. Only my PC seems affected.""",
  "ransomware on one isolated PC -> P2")
R("other", "P3", "zh", ("行政 魏", "wei.xz@example.test"), "工位搬迁",
  """下个月 15 号财务部搬到六楼，十二个工位的电脑电话需要跟着搬，请提前安排。""",
  "move with a date weeks away -> other P3")
R("other", "P4", "en", ("Laura", "laura.e@example.test"), "returning old laptop",
  """I got my new laptop last week. Where do I drop off the old one?""",
  "asset return question -> other P4")
R("other", "P3", "zh", ("小姜", "xiaojiang@example.test"), "门禁卡刷不开机房门",
  """我的门禁卡刷不开二楼机房的门了，上周还可以，今天要进去换个硬盘，先找同事带我进去了。""",
  "door badge -> other; workaround -> P3")
R("other", "P1", "en", ("Security", "sec.team@example.test"), "malware spreading",
  """Antivirus is flagging the same trojan on six PCs in accounting within the last hour, and more alerts keep coming in. Looks like it's spreading over the share.""",
  "spreading to several machines -> P1")
R("other", "P3", "en", ("Event team", "events@example.test"), "AV support for town hall",
  """We need two wireless mics and the big screen set up for the town hall on the 28th (three weeks away). Can someone from IT be there?""",
  "event AV, date weeks away -> P3")
R("other", "P4", "zh", ("小霍", "xiaohuo@example.test"), "表扬",
  """想表扬一下昨天帮我修电脑的李师傅，特别耐心！""",
  "praise -> P4")
R("other", "P2", "zh", ("小邵", "xiaoshao@example.test"), "手机丢了",
  """我的工作手机丢在出租车上了，上面有企业微信和邮箱，麻烦帮忙远程锁定。""",
  "lost device -> other P2")
R("other", "P3", "en", ("Legal", "legal.team@example.test"), "mailbox export for legal hold",
  """Legal needs an export of a former employee's mailbox (j.doe) for a case. Deadline is end of next week.""",
  "e-discovery, date next week -> P3")
R("other", "P4", "zh", ("资产管理员", "zichan@example.test"), "资产盘点",
  """年底资产盘点，请 IT 提供一下各部门电脑的资产编号清单，月底前给就行。""",
  "asset administration, no pressure -> P4")
R("other", "P1", "zh", ("物业", "wuye@example.test"), "机房漏水",
  """机房天花板在滴水，正好在服务器机柜上方，已经有水滴到机柜顶上了！""",
  "facility threatening servers -> P1")
R("other", "P3", "mixed", ("Nick 唐", "nick.tang@example.test"), "clicked a phishing link?",
  """我刚才 accidentally 点了一个 phishing 邮件的链接，but 没输入密码，页面就关了。要不要 scan 一下？""",
  "security report, nobody compromised -> P3")
R("other", "P4", "en", ("Dana", "dana.r@example.test"), "Re: ticket #4411 - solved",
  """All good now, thanks a lot for the quick fix! You can close it.""",
  "closure -> other P4",
  quote=quote_gmail_en("IT Support", "support@example.test", "Tue, Mar 11, 2025 at 10:12 AM", "Hi Dana, we reset the printer queue, can you try again?"))

# ================================================================ traps and voices
R("network", "P1", "en", ("Rebecca Stone", "rebecca.stone@example.test"), "quick note",
  """Hi, no big deal I'm sure, but it looks like the whole 3rd floor has had no network since lunch - wired and wifi. People have gone to the cafe to work. Thanks when you get a chance.""",
  "calm wording of a real outage (whole floor) -> P1")
R("software", "P2", "en", ("Mike Ross", "mike.ross@example.test"), "not urgent",
  """Not urgent, but the expense tool rejects every claim I submit with "Validation failed: cost centre". Quarter-end submissions close at 5pm today and I have my whole team's claims to send.""",
  "'not urgent' on a blocked process with a same-day deadline -> P2")
R("account", "P2", "zh", ("小邓", "xiaodeng@example.test"), "不急",
  """不急哈，就是我电脑密码过期了改不了，现在登不进电脑，今天啥也干不了，有空来一下。""",
  "'不急' but fully blocked -> P2")
R("hardware", "P3", "en", ("ANGRY USER", "r.hale@example.test"), "THIRD TIME!!!",
  """THIS IS THE THIRD TIME I'M WRITING!!! The printer on floor 4 STILL jams every 10 pages. Absolutely ridiculous. I print on floor 3 now but that's not the point!!!""",
  "angry, workaround (other printer) -> P3")
R("network", "P2", "en", ("Li Wei", "li.wei@example.test"), "long story sorry",
  """Hi team, sorry for the long mail. So this morning I came in, got coffee, sat down and noticed my laptop wasn't connecting to the wifi. I thought it was my laptop so I restarted it, twice actually, and then tried the cable, which also didn't work. Then I asked Anna next to me and hers works fine. I also tried the guest wifi which weirdly also doesn't connect. I have a supplier call at 11 that needs the shared pricing sheet and I can't get to it. Any ideas? Thanks, Wei""",
  "rambling; one person fully offline, deadline -> P2. Only my laptop fails on wifi and cable though: could be hardware; network label because connectivity is the symptom and the technician checks the port/NAC first")
R("software", "P3", "zh", ("小蒋", "xiaojiang2@example.test"), "求助",
  """求助：钉钉打卡一直定位失败，提示"不在考勤范围"，我人就在公司。先让主管补卡了。""",
  "vague subject; app issue, workaround -> P3")
R("hardware", "P2", "zh", ("老周", "laozhou@example.test"), "电脑",
  """电脑黑屏了，开不了机，急用""",
  "terse; device dead, one person -> P2")
R("account", "P3", "zh", ("小吕", "xiaolv@example.test"), "Re: 打印机卡纸问题",
  """打印机好了，谢谢。另外我 CRM 的密码忘了，麻烦重置一下，今天用不到，明天要用。""",
  "reply keeps printer subject; new ask is password reset -> account; not needed today -> P3",
  quote=quote_qq("IT服务台", "support@example.test", "2025年3月6日(星期四) 下午2:00", "小吕", "打印机卡纸问题", "您好，已经更换定影器，请再试一下打印。"))
R("software", "P3", "mixed", ("Sophie 苏", "sophie.su@example.test"), "FW: error",
  """see below，ERP 导出报表的时候一直报这个错。其他功能 OK。""",
  "forwarded error text; app function -> software P3",
  quote="---------- Forwarded message ---------\nFrom: ERP System <erp-noreply@example.test>\nSubject: Report export failed\n\nJob 7731 failed: ORA-01555 snapshot too old\n")
R("network", "P3", "zh", ("小田", "xiaotian@example.test"), "网络慢？",
  """网络好像有点慢？不确定是不是我的问题，视频会议偶尔卡一下。""",
  "hedged, mild degradation -> P3")
R("software", "P1", "zh", ("电商运营", "ds.yy@example.test"), "商城后台打不开",
  """商城后台从一点开始打开就是"502 Bad Gateway"，整个电商部二十来个人都没法处理订单发货，今天是大促第一天。""",
  "web app error page, whole department, orders stopped -> P1 (software: app answers with an error)")
R("hardware", "P3", "zh", ("小龙", "xiaolong@example.test"), "打印机脱机",
  """我这边打印机一直显示脱机，但是别人都能打，网络也正常。我先发给同事帮忙打的。""",
  "printer offline for one, network fine; workaround -> hardware P3")
R("account", "P2", "en", ("Chen Jing", "chen.jing@example.test"), "Hi",
  """hi, my account got disabled?? when I log in it says "account disabled, contact your administrator". I started in this role yesterday. can't do anything.""",
  "vague subject; disabled account, one person blocked -> P2")
R("request", "P4", "zh", ("小凯", "xiaokai@example.test"), "电脑硬盘多大",
  """请问我们公司配的笔记本硬盘一般是多大的？我想存一些设计素材，看看够不够。""",
  "question mentions hardware, nothing broken -> request P4")
R("network", "P1", "zh", ("分公司行政", "fgs.xz@example.test"), "苏州分公司全部没网",
  """苏州分公司从早上八点开始所有电脑都上不了网，打印机也找不到，大概三十个人。""",
  "everything offline incl. printers -> network; site -> P1")
R("software", "P2", "en", ("Ethan", "ethan.g@example.test"), "Re: Re: payroll export",
  """Still failing with the same "Export aborted: template missing" error after your fix. I'm the only payroll person and the bank file must go out by 4pm today.""",
  "app error; one person + hard deadline -> P2",
  quote=quote_outlook_en("IT Support", "support@example.test", "Wednesday, 12 March 2025 11:20", "Ethan", "payroll export", "Hi Ethan, we reinstalled the export template. Please try again."))
R("hardware", "P3", "zh", ("小诸葛", "xiaozg@example.test"), "笔记本电池",
  """笔记本电池掉电很快，充满只能用一个小时，一般都插着电用，问题不大。""",
  "battery degraded, plugged in works -> P3")
R("account", "P2", "zh", ("客户经理 包", "bao.kh@example.test"), "登不上CRM",
  """ＣＲＭ登录一直提示＂密码错误＂，我确定没输错！！今天要跟进十几个客户，麻烦尽快处理。""",
  "full-width punctuation/letters; credentials -> account; one person blocked -> P2")
R("network", "P2", "mixed", ("Alex 韩", "alex.han@example.test"), "wifi 连上了但是 no internet",
  """会议室这边我们组 6 个人 wifi 都显示 connected 但是 no internet，客户 workshop 在进行中，需要用网演示。""",
  "small group, key work blocked with customer -> P2")
R("other", "P2", "zh", ("小景", "xiaojing@example.test"), "电脑中毒了",
  """电脑一直弹广告，还跳出来说文件被加密要付比特币，我已经拔了网线，别的同事电脑没事。""",
  "ransomware one machine -> other P2")
R("software", "P4", "en", ("Olga", "olga.p@example.test"), "wrong logo on login page",
  """The ERP login page still shows the old company logo. Purely cosmetic.""",
  "cosmetic -> software P4")
R("hardware", "P2", "en", ("Brian", "brian.k@example.test"), "laptop won't boot",
  """Laptop stuck on the logo, then turns itself off. Tried 5 times. Team demo for the customer is at 2pm and the demo is on this laptop.""",
  "device dead, one person + deadline -> P2; no BSOD, power cycle -> hardware",
  structure="html", charset="utf-8", cte="quoted-printable")
R("account", "P3", "en", ("Natalie", "natalie.w@example.test"), "need access",
  """Hi — could you add me to the "Marketing-Assets" SharePoint site? I'd like to start using it next week.""",
  "permission request, next week -> P3", structure="html", charset="utf-8", cte="base64")
R("software", "P3", "zh", ("小鲁", "xiaolu2@example.test"), "ERP 很慢",
  """ERP 打开一个单据要等半分钟，其他网站和软件都很快。能用但是效率低。""",
  "one named app slow, others fine -> software P3")
R("network", "P2", "zh", ("小殷", "yin.x@example.test"), "登录不上系统",
  """登录不上报销系统，提示"无法访问此网站 ERR_CONNECTION_TIMED_OUT"，其他网站可以。今天下班前要提交报销，财务明天截止。""",
  "login wording, error is timeout -> network; one person + deadline -> P2")

# ================================================================ machine mail
M("autoreply", "-", "-", "zh", ("王经理", "wangjl@partner.example.cn"), "自动答复：Re: 打印机问题",
  """您好，我正在休假，3月20日返回，期间不查看邮件。紧急事务请联系李助理。""",
  "vacation reply with printer subject", headers=[("Auto-Submitted", "auto-replied")], reply=True)
M("autoreply", "-", "-", "en", ("Vendor Support", "support@vendor.example.com"), "[Case 00123] We received your request",
  """Thank you for contacting Vendor Support. Your case 00123 has been created and an engineer will respond within 8 business hours. Please do not reply to this email.""",
  "another helpdesk ack -> autoreply", headers=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")], reply=True)
M("bulk", "-", "-", "zh", ("IT 通知", "it-notice@example.test"), "[全员通知] 本周六邮件系统升级",
  """本周六 22:00-24:00 邮件系统升级，期间无法收发邮件，请提前安排。无需回复。""",
  "internal announcement with list headers -> bulk",
  headers=[("List-Id", "all staff <all.example.test>"), ("Precedence", "bulk")])
M("bulk", "-", "-", "en", ("Jira", "jira@example.test"), "[JIRA] (OPS-221) VPN gateway CPU high",
  """Alex Chen updated OPS-221: VPN gateway CPU high. Status: In Progress. You are receiving this because you are watching this issue.""",
  "tool notification -> bulk", headers=[("Precedence", "bulk"), ("Auto-Submitted", "auto-generated"), ("List-Unsubscribe", "<https://jira.example.test/unsub>")])
M("spam-like", "-", "-", "zh", ("办公用品批发", "sales@toner.example.net"), "硒鼓墨盒特价",
  """本公司常年供应各品牌打印机硒鼓、墨盒，量大从优，开票方便，欢迎来电咨询。""",
  "marketing without list headers -> spam-like")
M("bounce", "-", "-", "en", ("Mail Delivery Subsystem", "mailer-daemon@mx.example.test"), "Delivery Status Notification (Delay)",
  """This is an automatically generated Delivery Status Notification.

THIS IS A WARNING MESSAGE ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE.

Delivery to the following recipients has been delayed: partner@slow.example.org""",
  "delay DSN, plain text -> bounce", client="plain", headers=[("X-Failed-Recipients", "partner@slow.example.org"), ("Auto-Submitted", "auto-replied")])
