"""TUNE set specs for supportbot triage (issue 12): hand-written by the triage helper from
../shared/corpus/GUIDE.md, labelled BEFORE any rule saw them. Build with:
    python3 ../../../shared/corpus/tools/build.py tune_specs.py tune
(run from tests/eval). Content is synthetic; all addresses use reserved example domains.
This set may be used for tuning; the held-out set (tests/eval/holdout) may not."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from specs_kit import (BIG5, DISCLAIMER, SIG_HUAWEI, SIG_IPHONE_EN, SIG_IPHONE_ZH, Kit,  # noqa: E402,F401
                       quote_163, quote_gmail_en, quote_outlook_en, quote_outlook_zh, quote_qq,
                       simple_original)

SEED = 1212
kit = Kit()
MAILS = kit.MAILS
M, R = kit.M, kit.R

# ---------------------------------------------------------------- hardware
R("hardware", "P2", "zh", ("韩梅", "hanmei@example.test"), "电脑开机就蓝灯闪，进不去",
  """按了开机键以后电源灯一直闪，风扇转一下就停，屏幕全黑什么都没有。
我今天要做工资表，所有数据都在这台电脑上，没法干活了，麻烦快点来人。""",
  "one person, device dead, essential work blocked -> P2")
R("hardware", "P3", "zh", ("赵四", "zhaosi@example.test"), "鼠标",
  """鼠标左键有时候点一下变成双击，拖文件老是拖不动，挺烦的。先用触控板凑合着，有新的鼠标的话给我换一个吧""",
  "terse; workaround (touchpad) -> P3")
R("hardware", "P1", "zh", ("钱多多", "qianduoduo@example.test"), "收银机全部死机！！门店没法收款",
  """南京西路店的5台收银机从10点开始全部卡在开机画面，扫码枪也没反应。
顾客在排队，门店现在完全收不了款。急！！""",
  "POS (core business) stopped for a whole store -> P1; devices frozen at boot -> hardware")
R("hardware", "P4", "en", ("Olivia Grant", "olivia.grant@example.test"), "battery health warning",
  """Hi team, my MacBook shows "Service Recommended" under battery condition. It still lasts the whole day and works fine, just letting you know in case it should be on a list for replacement at some point. No rush at all.""",
  "informational, works fine -> P4")
R("hardware", "P3", "en", ("Tom Becker", "tom.becker@example.test"), "Docking station keeps disconnecting my screens",
  """hey, the dell dock on desk 4-17 drops both external monitors every hour or so, have to unplug and replug the usb-c. annoying but i can keep working on the laptop screen meanwhile.
sent from my phone""",
  "workaround exists -> P3")
R("hardware", "P2", "en", ("Priya Nair", "priya.nair@example.test"), "Spilled tea on laptop - now dead",
  """I knocked a cup of tea over my laptop about 20 minutes ago. It switched off and won't turn back on.
I have a client presentation at 3pm today and everything is on that machine. Is there a loaner I can pick up?""",
  "liquid damage, one person blocked, deadline today -> P2")
R("hardware", "P3", "mixed", ("李雷 Leo", "leo.li@example.test"), "printer 打印很淡",
  """Hi IT，5楼 HR 那台 Brother printer 打出来的字很淡，看不太清楚，maybe toner low？我们先用打印室的那台，有空换一下粉盒 thanks""",
  "printer quality, alternative printer -> P3")
R("hardware", "P1", "en", ("Chris Wong", "chris.wong@example.test"), "All scanners down in the warehouse - picking stopped",
  """Every handheld scanner in warehouse B is stuck on a frozen screen after this morning's charge. The whole picking team (about 25 people) can't scan orders, so nothing ships until this is fixed. Trucks leave at 4pm.""",
  "core business (shipping) stopped for a team -> P1; devices -> hardware")
R("hardware", "P3", "zh", ("陳美玲", "meiling.chen@example.test"), "會議室攝影機沒有畫面",
  """您好，7樓小會議室的視訊攝影機今天早上沒有畫面，視訊會議只能用筆電的鏡頭先頂著。
麻煩有空過來看一下，謝謝。""",
  "Traditional Chinese Big5; workaround (laptop camera) -> P3", **BIG5)
R("hardware", "P2", "zh", ("周杰", "zhoujie@example.test"), "硬盘坏了吗",
  """电脑这两天特别卡，刚才直接提示 "硬盘即将故障，请备份数据"，然后就一直重启进不了系统。我手上的标书明天上午就要交，文件都在里面！！""",
  "disk failing, one person blocked, hard deadline -> P2")

# ---------------------------------------------------------------- software
R("software", "P3", "zh", ("王芳", "wangfang@example.test"), "Excel 老是未响应",
  """打开大一点的表格 Excel 就未响应，要等好几分钟，有时候直接闪退。其他软件都正常。小表格还能用，先凑合着，麻烦看看是不是要重装 Office。""",
  "one app, degraded, can still work -> P3")
R("software", "P1", "zh", ("刘总", "liuzong@example.test"), "金蝶系统登上去就报错，全部门都用不了",
  """财务部十几个人打开金蝶 K3 都报 "数据库连接异常，错误代码 500"，今天是月结最后一天，凭证一张都录不进去。网络是好的，其他网站都能上。""",
  "app error (not network, not credentials); whole department, month-end close -> P1")
R("software", "P2", "en", ("Mark Evans", "mark.evans@example.test"), "Outlook crashes on start",
  """Since this morning's update Outlook closes itself right after the splash screen. I tried safe mode, same thing. Webmail isn't allowed for our customer mailboxes, so I can't answer any customer emails right now.""",
  "app crash, one person, no usable workaround for essential work -> P2")
R("software", "P4", "en", ("Sophie Martin", "sophie.martin@example.test"), "Typo in the expense app",
  """Just a small thing: on the expense claim form the button says "Sumbit" instead of "Submit". Everything works, thought you'd want to know.""",
  "cosmetic in app -> software P4")
R("software", "P3", "zh", ("孙小美", "sunxiaomei@example.test"), "钉钉打不开",
  """电脑上的钉钉双击没反应，任务管理器里能看到进程，手机上的钉钉是好的，先用手机看消息。能帮我看看吗？""",
  "app not starting, phone workaround -> P3")
R("software", "P2", "zh", ("吴工", "wugong@example.test"), "CAD 许可证过期了",
  """AutoCAD 今天打开提示 "许可证已过期，无法启动"，我这边下午要给施工方出图纸，现在完全打不开，请尽快续一下。""",
  "licence expired -> software; one person blocked + deadline -> P2")
R("software", "P3", "mixed", ("Kevin 张", "kevin.zhang@example.test"), "Teams 没声音",
  """Teams meeting 里面听不到别人说话，but Zoom 和 YouTube 声音都正常，所以 headset 应该没问题。重装过一次还是这样，现在开会先用手机 dial in。""",
  "one app, workaround (phone) -> P3")
R("software", "P1", "en", ("Helen Zhou", "helen.zhou@example.test"), "Order system throwing errors for everyone",
  """The online order portal returns "HTTP 500 Internal Server Error" whenever anyone in sales tries to save an order. All 30 of us are affected and customers are calling. Other websites load fine.""",
  "app 500, whole team, order entry stopped -> P1")
R("software", "P3", "zh", ("蒋丽", "jiangli@example.test"), "需要安装 Visio",
  """你好，我这边做流程图需要用 Visio，安装的时候提示要管理员权限，麻烦帮忙装一下，这周内装好就行。""",
  "install needs admin rights -> software; week deadline, nothing broken but needs work done -> P3")
R("software", "P2", "zh", ("黄晓明", "huangxm@example.test"), "电脑一直蓝屏",
  """早上到现在已经蓝屏四次了，每次都是 MEMORY_MANAGEMENT，重启用不了多久又蓝，活儿完全干不了。""",
  "OS crash, no physical symptom -> software; one person blocked -> P2")
R("software", "P3", "en", ("Jake Miller", "jake.miller@example.test"), "Re: Adobe Reader",
  """Hi again, Adobe Reader still freezes whenever I open a PDF with forms. I've been opening them in the browser in the meantime, which works. Could someone take a look this week?""",
  "app freeze, workaround -> P3",
  quote=quote_outlook_en("IT Support", "support@example.test", "Monday, 3 March 2025 10:02", "Jake Miller", "Adobe Reader", "Hi Jake, please try reinstalling Adobe Reader and let us know."))
R("software", "P4", "zh", ("田甜", "tiantian@example.test"), "OA 里的日期显示格式不对",
  """OA 请假单里日期显示成 2025/3/5，其他地方都是 2025-03-05，看着不统一，不影响使用，有空改一下。""",
  "cosmetic, no impact -> P4")

# ---------------------------------------------------------------- network
R("network", "P1", "zh", ("客服主管", "kefu@example.test"), "客服中心全部掉线",
  """整个客服中心（二楼，大概五十个人）电脑全部上不了网，电话系统也连不上，客户电话进不来。已经半小时了！""",
  "whole floor offline, core service stopped -> P1")
R("network", "P3", "zh", ("马丽", "mali@example.test"), "wifi 信号差",
  """会议室B的无线经常断，要重连好几次。开会的时候先插网线用，麻烦有空调一下AP。""",
  "wifi weak in one room, wired workaround -> P3")
R("network", "P2", "en", ("Ben Carter", "ben.carter@example.test"), "VPN not connecting from home",
  """I'm working from home today (kid is sick) and the VPN client says "The connection attempt timed out". Internet at home works fine. I can't reach any internal system so I'm basically stuck.""",
  "VPN timeout -> network; one person fully blocked remote -> P2")
R("network", "P1", "mixed", ("Anna 刘", "anna.liu@example.test"), "Suzhou office 断网",
  """苏州办公室 whole office 都上不了网 since 9am，大概 40 人，ERP 和邮件都连不上。Please help asap!""",
  "site offline -> P1")
R("network", "P3", "en", ("Liam Scott", "liam.scott@example.test"), "slow internet on 6th floor",
  """Web pages take ages to load on the 6th floor this afternoon and file copies to the share crawl. It works, just very slow. A few of us noticed it.""",
  "network slowness, degraded -> P3")
R("network", "P2", "zh", ("郑凯", "zhengkai@example.test"), "共享盘找不到网络路径",
  """打开 \\\\fs01\\design 提示 "找不到网络路径"，别人好像能打开，我这台电脑 ping 也不通。下午要把设计稿交给客户，文件都在共享盘里。""",
  "share unreachable from one PC -> network; deadline today -> P2")
R("network", "P3", "zh", ("冯雪", "fengxue@example.test"), "网口没反应",
  """我工位上的网口插上网线没反应，灯不亮。现在先连的无线，能用，就是慢一点。工位号 3-045。""",
  "wired port dead, wifi workaround -> P3")
R("network", "P1", "en", ("Ops Desk", "ops@example.test"), "Factory line PCs lost connection to MES",
  """All the terminals on production line 2 dropped off the network about 15 minutes ago - they can't reach the MES server, ping times out. The line is stopped. Other lines are fine.""",
  "production line stopped, connectivity -> P1")
R("network", "P3", "zh", ("沈冰", "shenbing@example.test"), "访问供应商网站超时",
  """访问 supplier.example.net 一直超时，其他网站都正常，用手机4G能打开。是不是防火墙拦了？不着急，这两天能开就行。""",
  "firewall/site unreachable, phone workaround, no rush -> P3")

# ---------------------------------------------------------------- account
R("account", "P2", "zh", ("许文", "xuwen@example.test"), "账号被锁了",
  """早上输错了几次密码，现在提示 "账户已被锁定，请联系管理员"，电脑都登不进去，什么都干不了，麻烦赶紧解锁。""",
  "lockout, one person fully blocked -> P2")
R("account", "P3", "en", ("Grace Kim", "grace.kim@example.test"), "password expiring",
  """Windows keeps telling me my password expires in 2 days. I tried to change it with Ctrl+Alt+Del but it says it doesn't meet the requirements. Can you tell me what the rules are or reset it for me?""",
  "password problem, not blocked yet -> P3")
R("account", "P4", "zh", ("罗敏", "luomin@example.test"), "申请财务共享盘只读权限",
  """你好，我刚调到财务部，需要 \\\\fs02\\finance 的只读权限，经理已经同意了（抄送了）。下周开始用，谢谢。""",
  "permission request, no date pressure -> P4? housekeeping change with no date pressure -> P4")
R("account", "P1", "en", ("Sarah Lee", "sarah.lee@example.test"), "Nobody can sign in - SSO broken",
  """Since 8:30 nobody in the London office can sign in to anything that uses SSO - the login page just loops back to "Enter your verification code" and the code is always rejected. That's about 80 people unable to work.""",
  "company-wide login (SSO/MFA) -> account P1")
R("account", "P2", "mixed", ("Eric 王", "eric.wang@example.test"), "CRM login 不了",
  """CRM 一直 say "Invalid username or password"，但是我密码没改过，reset 了也不行。今天要给客户报价，进不去系统 can't do anything。""",
  "credentials, one person blocked, deadline -> P2")
R("account", "P3", "zh", ("何静", "hejing@example.test"), "手机换了，MFA 验证码收不到",
  """我换了新手机号，登录邮箱的时候验证码还是发到旧号码上。现在电脑上已经登录的 Outlook 还能用，就是网页版登不了，麻烦帮我改一下绑定的手机。""",
  "MFA phone binding; desktop still works -> P3")
R("account", "P2", "en", ("Nina Patel", "nina.patel@example.test"), "New starter tomorrow - no accounts yet",
  """Hi, Daniel Osei joins my team tomorrow morning at 9 and still has no AD account, email or VPN access. Could you set these up today please? He also needs a laptop.""",
  "new joiner accounts + laptop -> account; hard near deadline -> P2")
R("account", "P3", "zh", ("高远", "gaoyuan@example.test"), "ERP 提示没有权限",
  """在 ERP 里点 "采购订单审批" 提示 "您没有权限访问此功能"，之前一直可以用的。其他功能正常，今天能处理就好。""",
  "permission, one function -> P3")
R("account", "P2", "en", ("Victor Hugo", "victor.hugo@example.test"), "someone is sending emails from my account",
  """Several colleagues just told me they got weird emails from my address with a link to "view invoice". I never sent them. I think my account has been hacked. What should I do?""",
  "compromised identity -> account; active compromise on one account -> P2")
R("account", "P4", "zh", ("邓超", "dengchao@example.test"), "离职员工账号停用",
  """您好，市场部的李娜月底离职，麻烦在 3月31日 下班后停用她的账号，邮箱转给我。""",
  "leaver, scheduled change with date far off -> P4")

# ---------------------------------------------------------------- request
R("request", "P4", "zh", ("小林", "xiaolin@example.test"), "请问怎么在手机上收公司邮件",
  """你好，想问一下 iPhone 上怎么设置公司邮箱？有没有教程？谢谢～""",
  "how-to -> P4")
R("request", "P4", "en", ("Amy Clark", "amy.clark@example.test"), "URGENT: which laptop should I order?",
  """URGENT!! Our new designer starts next month. Which laptop model are we allowed to order and what's the budget? Please advise asap.""",
  "procurement question, URGENT does not raise -> P4")
R("request", "P3", "en", ("Paul Adams", "paul.adams@example.test"), "How do I share my screen in Zoom? Meeting in 15 min",
  """I have a customer call in 15 minutes and I've never presented in Zoom before. How do I share just one window, not my whole screen?""",
  "time-critical how-to -> P3")
R("request", "P4", "zh", ("白露", "bailu@example.test"), "建议：会议室预订系统加个提醒功能",
  """建议在会议室预订系统里增加会前15分钟的提醒功能，现在经常有人忘记。仅供参考。""",
  "suggestion -> P4")
R("request", "P4", "mixed", ("Jenny 陈", "jenny.chen@example.test"), "请问 VPN 出差怎么用",
  """下周去 Singapore 出差，请问在酒店怎么连公司 VPN？需要提前装什么 client 吗？thanks""",
  "how-to -> P4")
R("request", "P4", "zh", ("郝建", "haojian@example.test"), "紧急！！！公司有没有正版的 Photoshop",
  """紧急！！！想问一下公司有没有买 Photoshop 的授权，我们部门想申请两个。""",
  "procurement/licence question, adjective does not raise -> P4")
R("request", "P4", "en", ("Rachel Green", "rachel.green@example.test"), "Question about email storage",
  """Hi, how large can a mailbox get before Outlook complains? And is there an archive option? Thanks!""",
  "question -> P4")

# ---------------------------------------------------------------- other
R("other", "P1", "zh", ("机房值班", "idc@example.test"), "机房UPS报警，市电断了",
  """机房 UPS 一直在报警，市电断了，现在靠电池撑着，显示还剩 20 分钟，所有服务器都在上面！""",
  "facility threatens all servers -> P1")
R("other", "P3", "en", ("Dan Brown", "dan.brown@example.test"), "Fwd: Your mailbox will be suspended",
  """Got this this morning, looks like phishing to me. I didn't click anything. Forwarding so you can block it.""",
  "phishing report, nobody compromised -> other P3",
  quote="---------- Forwarded message ---------\nFrom: Mail Admin <admin@mai1-secure.example.net>\nSubject: Your mailbox will be suspended\n\nDear user, verify your password within 24 hours or your mailbox will be suspended. Click here to verify.\n")
R("other", "P2", "zh", ("张伟", "zhangwei@example.test"), "笔记本在地铁上丢了",
  """刚才下地铁发现电脑包不见了，里面有公司的笔记本，已经报警了。电脑里有客户资料，需要怎么处理？能远程锁定吗？""",
  "lost device -> other P2")
R("other", "P4", "zh", ("李娜", "lina@example.test"), "离职交还电脑",
  """我下周五最后一天上班，公司的笔记本和显示器应该交给谁？在哪里办理归还手续？""",
  "asset return logistics -> other P4")
R("other", "P4", "en", ("Mike Ross", "mike.ross@example.test"), "Thanks!",
  """Just wanted to say thanks to Wei for fixing my laptop so quickly yesterday. Great service, you can close the ticket.""",
  "thanks -> other P4")
R("other", "P1", "en", ("Security Team", "sec@example.test"), "Ransomware spreading on file server",
  """Several PCs in accounting show a ransom note and files on the shared drive are being renamed to .locked. At least 6 machines so far. We have unplugged two of them.""",
  "ransomware spreading to several machines -> P1")
R("other", "P3", "zh", ("后勤", "houqin@example.test"), "搬工位需要挪电脑",
  """下周一市场部 8 个人从 3 楼搬到 5 楼，电脑、电话需要跟着搬，请IT安排一下时间。""",
  "move logistics, planned -> other; date next week -> P3? housekeeping with date -> P3")
R("other", "P2", "zh", ("钱进", "qianjin@example.test"), "电脑中病毒了",
  """我电脑右下角一直弹 "您的电脑已感染病毒，请立即拨打电话"，浏览器主页也被改了，我已经拔了网线，现在电脑不敢用。""",
  "malware on one machine, active -> P2")
R("other", "P3", "zh", ("门卫", "menwei@example.test"), "机房门禁刷不开",
  """我的工卡刷机房的门一直红灯，进不去，今天要去换一块硬盘，不是很急，今天下午之前能开就行。""",
  "door access -> other; one person, some pressure -> P3")

# ---------------------------------------------------------------- traps and voices
R("network", "P3", "zh", ("小吴", "xiaowu@example.test"), "Re: 打印机卡纸",
  """打印机已经好了谢谢！另外我电脑的无线这两天老掉线，一小时掉两三次，插网线就没事。""",
  "reply keeps old subject; new text is about wifi with wired workaround -> network P3",
  quote=quote_qq("IT服务台", "support@example.test", "2025年3月3日(星期一) 上午10:00", "小吴", "打印机卡纸", "您好，打印机已经换了新的硒鼓，请试一下。"))
R("software", "P2", "en", ("Ravi K", "ravi.k@example.test"), "SAP",
  """sap gui keeps giving "RFC error: connection closed" when posting invoices, only for me, colleagues next to me are fine on the same network. month end close is today and i have 200 invoices left!!!""",
  "app-side error, network fine for others -> software; one person + near deadline -> P2")
R("account", "P3", "zh", ("老陈", "laochen@example.test"), "邮箱密码忘了",
  """邮箱密码忘记了，手机上的邮件app还能收邮件，电脑上登不了。麻烦重置一下，谢谢""",
  "forgotten password; phone still works -> P3")
R("hardware", "P3", "en", ("Sam T", "sam.t@example.test"), "Monitor has a dead line",
  """There's a thin vertical pink line down the middle of my left monitor. Started yesterday. Still usable, I moved my windows to the other screen.""",
  "device fault, workaround -> P3")
R("software", "P3", "zh", ("刘备", "liubei@example.test"), "打印的时候用友报错",
  """用友 U8 里打印发货单就报 "打印模板加载失败"，别的软件打印都正常，打印机也没问题。先手工填单，麻烦看一下。""",
  "app fails while printing, printer fine -> software; workaround -> P3")
R("network", "P1", "zh", ("店长", "dianzhang@example.test"), "门店网络全断了",
  """杭州三家门店从早上开始都连不上总部，收银系统同步不了订单，只能手写小票。三家店都是这样。""",
  "store network, several sites, POS affected -> P1")
R("request", "P4", "zh", ("小赵", "xiaozhao@example.test"), "请问怎么关闭 Outlook 的自动回复",
  """休假回来了，请问 Outlook 的自动回复在哪里关闭？找了半天没找到。""",
  "request that mentions auto-reply -> request P4")
R("hardware", "P2", "mixed", ("Tony 吴", "tony.wu@example.test"), "laptop 屏幕碎了",
  """早上 laptop 掉地上了，screen 全碎了看不见东西，外接显示器也不亮。I have a board presentation this afternoon，急需一台备用机。""",
  "physical damage, one person blocked + deadline -> P2")
R("software", "P3", "en", ("Laura P", "laura.p@example.test"), "chrome keeps crashing",
  """Chrome crashes every time I open more than 5 tabs ("Aw, Snap!"). Edge works, so I'm using that for now.""",
  "app crash, workaround -> P3")

# ---------------------------------------------------------------- machine mail
M("autoreply", "-", "-", "en", ("Peter Hall", "peter.hall@partner.example.com"), "Out of Office: VPN access for contractors",
  """Thank you for your email. I am currently out of the office with no access to email and will return on 14 April. For urgent VPN or network issues please call +1 555 0100.""",
  "OOF with network words; Auto-Submitted", headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")], reply=True)
M("autoreply", "-", "-", "zh", ("服务台", "helpdesk@vendor.example.cn"), "自动回复：您的工单 #88123 已创建",
  """您好，您的邮件已收到，工单号 88123。我们的工程师将在 4 小时内与您联系。请勿回复此邮件。""",
  "another helpdesk's ack -> autoreply (loop)", headers=[("Auto-Submitted", "auto-generated"), ("X-Autoreply", "yes")], reply=True)
M("bulk", "-", "-", "en", ("IT Announcements", "it-news@example.test"), "[IT-News] Planned network maintenance Saturday",
  """On Saturday 22:00-02:00 the core switches will be upgraded. VPN, WiFi and email will be unavailable during this window. No action needed.""",
  "announcement with list headers -> bulk",
  headers=[("List-Id", "IT news <it-news.example.test>"), ("Precedence", "list"), ("List-Unsubscribe", "<mailto:it-news-leave@example.test>")])
M("bulk", "-", "-", "zh", ("监控平台", "monitor@example.test"), "[告警汇总] 今日服务器告警 12 条",
  """今日告警汇总：db01 CPU 高 3 次；web02 磁盘使用率 91%；vpn-gw 连接数超阈值 2 次。详情请登录监控平台查看。""",
  "monitoring digest with list headers -> bulk",
  headers=[("Precedence", "bulk"), ("List-Unsubscribe", "<https://monitor.example.test/unsub>"), ("Auto-Submitted", "auto-generated")])
M("bounce", "-", "-", "en", ("Mail Delivery System", "MAILER-DAEMON@mx2.example.test"),
  "Undelivered Mail Returned to Sender", "",
  "Postfix DSN of a bot ack",
  client="plain", report=dict(
      human="""This is the mail system at host mx2.example.test.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<nobody@gone.example.org>: host mx.gone.example.org said: 550 5.1.1 User unknown
""",
      fields=[("Reporting-MTA", "dns; mx2.example.test"), ("Arrival-Date", "Tue, 4 Mar 2025 09:00:00 +0800")],
      recipients=[[("Final-Recipient", "rfc822; nobody@gone.example.org"), ("Action", "failed"),
                   ("Status", "5.1.1"), ("Diagnostic-Code", "smtp; 550 5.1.1 User unknown")]],
      original=simple_original("IT Support <support@example.test>", "nobody@gone.example.org", "[#12] VPN",
                               "Hello,\r\n\r\nYour ticket #12 has been opened.\r\n",
                               "Tue, 4 Mar 2025 08:59:00 +0800", "<t12@example.test>",
                               extra=[("Auto-Submitted", "auto-replied")]),
      original_as="rfc822"))
M("bounce", "-", "-", "zh", ("postmaster", "postmaster@mail.example.cn"), "系统退信",
  """抱歉，您的邮件无法送达以下收件人：wang@old.example.cn
原因：收件人邮箱不存在 (550 Mailbox not found)
此邮件由系统自动发出，请勿回复。""",
  "Chinese bounce, plain text, postmaster sender + X-Failed-Recipients",
  client="plain", headers=[("X-Failed-Recipients", "wang@old.example.cn"), ("Auto-Submitted", "auto-replied")])
