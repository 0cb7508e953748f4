//! The phrase tables of the "is it fixed?" reading (folded text, `|`-separated, see
//! `scan`): yes, no, contrast, hedge, another matter, politeness. Kept apart from the rules in
//! `confirmation` so that a table can grow without the rules file growing past its seams.

use super::confirmation::Cue;

// Bare 是/对 count only when they open a sentence: 可是, 就是, 不对 are no answers.
const YES_PHRASES: &str = "\
    不错|还不错|yes|yep|yeah|yup|fixed|works|working|worked|solved|resolved|sorted|all good|all set\
    |good now|good|fine|smooth|smoothly|normal|normally|fine now|ok now|okay now\
    |looks good|perfect|great|awesome|excellent|confirmed|i confirm|no problem\
    |no problems|no issue|no issues|no more|up and running|back to normal|^是|是的|^对\
    |did the trick|does the trick|that worked|it worked|that helped|works fine|working fine\
    |working now|working again|good to go|problem solved|issue solved|ok了|好使|没毛病|弄好了\
    |搞好了|处理好了|修复了|已恢复|恢复了正常|可以正常|能正常|正常使用|连上了|能连上|可以连上\
    |对的|没错|好了|好啦|已解决|解决了|已经解决|可以了|没问题|没有问题|没事了|正常了\
    |正常|顺利|恢复正常|恢复了|已修复|修好了|搞定|能用了|可以用了|好用了|没有再|没再\
    |确认|not bad|that did it|现在工作了|工作正常了\
    |figured it out|sorted it out|worked it out|got it working|got it to work|fix了|fixed了\
    |still works|still working fine|still working well|still fine|still ok|still okay|still good\
    |还是好的|还是正常|一直正常|一直都正常\
    |no more errors|no more prompts|no more pop-ups|no more popups|no more drops\
    |no longer asks|no longer prompts|no longer pops|no longer happens|no longer drops\
    |no longer crashes|no longer freezes|doesn't happen anymore|does not happen anymore\
    |don't get it anymore|don't see it anymore|not happening anymore|hasn't happened since\
    |hasn't come back|has not come back|haven't seen it since|have not seen it since\
    |不再弹|不再出现|不再报错|不再提示|不再掉线|不再断|不再卡|不再闪|不再要求|不再跳\
    |没再出现|没有再出现|还没再出现|没再弹|没有再弹|没再报错|没有再报错|没再掉线|没有再掉线";

// Negations, relapses and contrast ("works, but …" describes what is still wrong). Bare
// "again" is no cue: "works again" is a yes, "broke again" a no.
const NO_PHRASES: &str = "\
    no|nope|nah|not|not yet|not fixed|not solved|not resolved|not working|doesn't\
    |does not|didn't|did not|don't|isn't|is not|wasn't|won't|can't|cannot|couldn't\
    |isn't working|not able|nobody|no one|why did|why was|why is|why are|why has|why have\
    |like before|as before|same as before|keeps|keep getting|still getting|won't work|drops\
    |unable|still|broken|stopped|fail|fails|failed|failing|broke|came back|comes back\
    |problem is back|issue is back|error is back|happened again|happens again\
    |happening again|same problem|same issue|same error|unfortunately|its the same|it's the same\
    |没有|不行|还是不行|还不行|未解决|没解决|没有解决|没修好|没好|还没|不是|不对|仍然\
    |仍旧|依旧|依然|还是|不能|不正常|不好|不可以|无法|失败|有问题|又|再次|谁说|根本|没人\
    |没用|没效果|不起作用|不管用|没恢复|未恢复|没反应|没变化|老样子|还是一样|连不上|打不开\
    |登不上|用不了|上不去|进不去|没能|不工作|停止工作|^否";

const CONTRAST_PHRASES: &str = "but|however|though|although|但是|不过|可是|只是";

// Another matter after the answer: "fine now, thanks. But now my keyboard …".
const TOPIC_PHRASES: &str = "\
    ^also|1 more thing|another thing|another issue|another problem|one more thing|separate thing\
    |separately|unrelated|by the way|btw|but now|now my|另外|还有个问题|还有一个问题\
    |还有一件事|还有件事|还有个事|顺便|顺便问|也坏了|也有问题|另一个问题\
    |不过现在|但是现在|可是现在|但现在\
    |can you also|could you also|would you also|can you please also|could you please also\
    |please also|也帮我|帮我也|顺便帮我";

const HEDGE_PHRASES: &str = "\
    not sure|don't know|do not know|dunno|maybe|will check|will test|will try\
    |let you know|can't tell|no longer|not anymore|anymore|不确定|不知道|不清楚|也许\
    |可能|稍后|再看看|再试试|试试看|不再|better|i'll|i will|we'll|later|tomorrow|next week\
    |when i'm back|when i am back|after lunch|keep an eye|i think so|i think|i guess|i believe\
    |probably|hopefully|fingers crossed|not yet tested|haven't tested|haven't tried\
    |didn't open|did not open|didn't raise|didn't submit|who is this|wrong person\
    |what article|which article|don't see|do not see|where is|where do|where can\
    |好像|似乎|貌似|应该|暂时|再观察|观察下|观察一下|观察几天|不好说|说不好|说不准|不一定|难说\
    |还没用过|还没用|没用过|还没试|没试过|还没来得及|haven't used|not used it yet|不好评价|不好评\
    |明天|回头|晚点|之后再|改天|下周|在哪|哪里|没有提交|不是我提交|好了一点|好一点|好些了\
    |hard to say|difficult to say|not 100% sure|not entirely sure|not completely sure|yes and no\
    |partly|partially|sort of|kind of|don't understand|do not understand|看不懂|没看懂|不明白\
    |不太懂|是不是|是否|能不能|好没好|有没有|行不行|可不可以|对不对|yeah, sure|yeah sure|yeah right\
    |yeah, right|sure it is|oh sure|whatever|as if|thanks for nothing|sometimes|on and off\
    |off and on|intermittently|occasionally|from time to time|now and then|时好时坏|有时候|有时\
    |偶尔|时不时|wait|waiting|take your time|no rush|no hurry|慢慢来|不着急|不急|可以等|等你们|等您\
    |for now|for the moment|at the moment|so far|目前|1 more question|one more question\
    |see below|see the mail below|see his answer|see her answer|answer below|reply below|见下面\
    |见下方|见下文|见附件|see attached|再确认|回公司|can't say|cannot say|can not say\
    |not great|not good|not perfect|not excellent|not awesome|not ideal|not so good\
    |not very good|not too good|not that good|not that great|not terrible|not awful\
    |not the worst|不太好|不怎么好|不是很好\
    |will look|i'll look|will have a look|have a look|take a look|when i'm at|when i am at\
    |when i get|once i'm|once i am|let me check|let me try|let me test|i'll see|will see\
    |not been able to test|not been able to try|not been able to check|haven't been able to test\
    |haven't been able to try|haven't been able to check|have not been able to test\
    |have not been able to try|have not been able to check|haven't had a chance\
    |have not had a chance|not had a chance|haven't checked|have not tested|have not tried\
    |not tested yet|not tried yet|haven't tested yet|haven't tried yet|not checked yet\
    |rather not|not rate|not to rate|won't rate|will not rate|不想评|不评分|不想打分|不打分\
    |can't reproduce|cannot reproduce|can not reproduce|couldn't reproduce|could not reproduce\
    |无法复现|复现不了|没复现|没能复现|等我|回去看|回去再|回去试|回家试|回家再|回家看|晚上试\
    |晚上再|晚上回|晚上看|有空再|有空的时候\
    |我看看|我再看|看看再说|还没想好|没想好";

// Politeness carries no answer, but is not "new text" either.
const FILLER_PHRASES: &str = "\
    thanks|thank you|thank u|thx|ty|cheers|regards|best regards|kind regards|hi|hello\
    |hey|dear|team|very much|so much|a lot|for your help|for the help|appreciate it\
    |no worries|have a nice day|have a good day|ok|okay|for the update|for the info\
    |for the information|for letting me know|for the quick reply|for your reply|for the reply\
    |for your response|good morning|good afternoon|good evening|good day|please|谢谢|谢谢你|谢谢您|感谢|多谢\
    |辛苦了|麻烦了|不好意思|您好|你好|嗯|哦|好的|收到|没关系|对不起|对了\
    |i'll let you know if it comes back|i'll let you know if it happens again\
    |i'll let you know if anything changes|i will let you know if it comes back\
    |will let you know if it comes back|will let you know if anything changes\
    |let you know if it comes back|let you know if it happens again|let you know if anything changes\
    |i'll get back to you if it comes back|if it comes back|if it happens again|if anything changes\
    |如果再出现|如有问题再联系|有问题再联系|有问题再找你们|再有问题";

pub(super) const CONFIRMATION_PHRASES: &[(&str, Cue)] = &[
    (YES_PHRASES, Cue::Yes),
    (NO_PHRASES, Cue::No),
    (CONTRAST_PHRASES, Cue::Contrast),
    (HEDGE_PHRASES, Cue::Hedge),
    (TOPIC_PHRASES, Cue::Topic),
    (FILLER_PHRASES, Cue::Filler),
];
