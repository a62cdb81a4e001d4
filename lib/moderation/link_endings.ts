// The endings of names a browser reaches, for ./links.ts: every country's two letters and
// every ending in another script that ICANN delegates (the Public Suffix List's ICANN part,
// as of February 2023), and of the hundreds of other endings, those in everyday use and
// those scammers favour by the reports of abuse (Spamhaus's and Interisle's most abused).
const words = (list: string) => list.trim().split(/\s+/);

const COUNTRIES = words(`
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb be bf bg bh bi bj bm bn bo br bs bt bv
bw by bz ca cc cd cf cg ch ci cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg es et
eu fi fj fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id
ie il im in io iq ir is it je jo jp ke kg ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv
ly ma mc md me mg mh mk ml mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no nr nu
nz om pa pe pf ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl
sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy
uz va vc ve vg vi vn vu wf ws yt ye zm zw
`);

const GENERIC = words(`
com net org info biz name pro mobi asia tel travel jobs app dev page inc ltd llc
top xyz icu vip shop store online site club live buzz cyou cfd sbs bond click link lol fun win one
life help support sale today world website space tech host press fit rest bar cam monster quest work
loan loans men bid date download racing review stream trade trading accountant science party cricket
faith gdn kim ooo mom pics beauty hair makeup skin autos boats homes motorcycles yachts lat cloud
email digital network services solutions agency company center group global zone team tips news media
social city wiki ink best deals cheap discount bargains boutique fashion clothing shoes jewelry watch
luxury luxe market markets shopping gift gifts coupons promo money cash credit finance exchange bet
casino poker games game tickets delivery express supply xin wang ren qpon uno bio chat video
art studio style design photo photos photography gallery guru ninja xxx porn sex sexy adult tattoo
`);

/** Endings in Latin letters, read in any case. */
export const LINK_ENDINGS = [...COUNTRIES, ...GENERIC];

/** Endings in other scripts, read in lower case ("bags.РФ" is bags.рф). */
export const IDN_ENDINGS = words(`
ישראל امارات հայ বাংলা бг
البحرين бел 中国 中國 الجزائر مصر
ею ευ موريتانيا გე ελ 香港
ಭಾರತ ଭାରତ ভাৰত भारतम्
भारोत ڀارت ഭാരതം भारत
بارت بھارت భారత్ ભારત
ਭਾਰਤ ভারত இந்தியா ایران
ايران عراق الاردن 한국 қаз ລາວ
ලංකා இலங்கை المغرب мкд мон
澳門 澳门 مليسيا عمان پاکستان
پاكستان فلسطين срб рф قطر
السعودية السعودیة السعودیۃ
السعوديه سودان 新加坡
சிங்கப்பூர் سورية سوريا
ไทย تونس 台灣 台湾 臺灣 укр اليمن
कॉम セール 佛山 慈善 集团 在线 点看
คอม 八卦 موقع 公益 公司 香格里拉 网站
移动 我爱你 москва католик онлайн
сайт 联通 קום 时尚 微博 淡马锡
ファッション орг नेट ストア アマゾン
삼성 商标 商店 商城 дети ポイント 新闻
家電 كوم 中文网 中信 娱乐 谷歌 電訊盈科
购物 クラウド 通販 网店 संगठन 餐厅
网络 ком 亚马逊 食品 飞利浦 手机
ارامكو العليان اتصالات بازار
ابوظبي كاثوليك همراه 닷컴 政府
شبكة بيتك عرب 机构 组织机构 健康 招聘
рус 大拿 みんな グーグル 世界 書籍 网址
닷넷 コム 天主教 游戏 企业 信息
嘉里大酒店 嘉里 广东 政务
`);
