#!/usr/bin/env python3
"""Builds the ad screener's labelled set (docs/detector.md, "Ad screener"): fundraising ads and
posts (label 1), the same with evasions (label 1), and look-alikes (label 0): bank deposit ads at
ordinary rates, licensed wealth products' disclaimers, anti-fraud publicity quoting the words,
news of judged cases, ordinary shop, loan and insurance ads. Labels are what a reader means, not
what the screener says; some positives are written without any dictionary word on purpose.

  python3 fangfei-bench/load/screen-labelled.py > fangfei-detect/src/test/resources/org/fangfei/detect/screen/labelled.csv
"""
import csv, random, sys

R = random.Random(20261207)
T2S = open('fangfei-detect/src/main/resources/org/fangfei/detect/screen/traditional-to-simplified.txt', encoding='utf-8').read()
S2T = {}
for i in range(0, len(T2S) - 1, 2):
    S2T.setdefault(T2S[i + 1], T2S[i])

def pick(xs): return R.choice(xs)

companies = ['鑫盛', '汇金', '聚财通', '福瑞祥', '华夏康养', '泰和', '宏远', '金桥', '盛世安邦', '天利', '恒丰源', '众禾', '瑞达',
             '国信联投', '德润', '银泰', '万福', '佳和', '长青', '融通']
kinds = ['投资管理有限公司', '农业专业合作社', '养老服务中心', '科技有限公司', '商贸有限公司', '文化传媒有限公司', '生物科技有限公司']
def company(): return pick(companies) + pick(kinds)
def phone(): return '1' + str(R.randint(3, 9)) + ''.join(str(R.randint(0, 9)) for _ in range(9))

promises = ['保本保息', '稳赚不赔', '只赚不赔', '高额回报', '保本高收益', '零风险', '本金无忧', '保底收益', '一本万利', '到期还本付息，按月付息']
yields = ['年化收益{y}%'.format(y=y) for y in (12, 15, 18, 24, 30, 36, 48)] + ['月息{m}分'.format(m=m) for m in (2, 3, 5)] + \
         ['月息两分半', '月息一分五', '日息千分之三', '日息千分之五', '每天返1%', '年化收益率高达百分之二十', '月收益8个点', '年息三分']
schemes = [
    '公司{c}原始股内部认购，即将上市，上市后翻倍',
    '{c}以房养老项目，抵押房产每月领取高额养老金',
    '{c}养老公寓投资，认购床位售后返租',
    '虚拟货币挖矿，购买矿机托管，每日产币',
    '消费全返：在{c}购物满一万元，全额返还',
    '推荐新人入会拿见点奖，发展下线越多收益越高',
    '民族资产解冻项目，交纳手续费即可领取百万解冻金',
    '扶贫项目分红，每份认购5000元',
    '数字货币投资，空气币上线即暴涨',
    '会员层级奖励，动态收益加静态收益',
    '{c}生态园林入股分红，国家扶持项目分红',
    '购买保健品消费返利，消费养老两不误',
]
calls = ['加微信{p}详询', '名额有限，先到先得', '咨询热线：{p}', '扫码入群了解', '限时认购，速来', '欢迎加盟，电话{p}', '']
subtle = [  # fundraising meant, few or no dictionary words
    '{c}诚邀合伙人，投十万每年稳稳拿三万，亲戚朋友都在投，钱放银行不如放我们这',
    '不用上班也能每月进账，投一份等一个月就回本，{c}带你实现财务自由',
    '把闲钱交给{c}打理，一年翻一番，已有上千位老人受益',
    '{c}内部项目，仅对熟人开放，本金随时可取，利息按周结算',
]

def fraud():
    c = company()
    parts = [pick(schemes).format(c=c)]
    if R.random() < 0.8: parts.append(pick(promises))
    if R.random() < 0.7: parts.append(pick(yields))
    call = pick(calls).format(p=phone())
    if call: parts.append(call)
    R.shuffle(parts)
    return '，'.join(parts) + pick(['。', '！', '！！', ''])

def evade(t):
    how = R.randrange(7)
    if how == 0:   # spaces between characters
        return ' '.join(t), 'evasion-spaces'
    if how == 1:   # emoji or symbols between characters
        seps = ['😀', '★', '·', '✨', '💰', '|', '*', '🔥']
        return ''.join(ch + (pick(seps) if R.random() < 0.6 else '') for ch in t), 'evasion-symbols'
    if how == 2:   # traditional characters
        return ''.join(S2T.get(ch, ch) for ch in t), 'evasion-traditional'
    if how == 3:   # homophones and typos
        sub = {'保本保息': '饱本饱息', '稳赚不赔': '稳转不陪', '高额回报': '高鹅汇报', '原始股': '原始骨', '虚拟货币': '需拟货必',
               '月息': '月吸', '返利': '反利', '只赚不赔': '只挣不赔', '零风险': '零风显'}
        for k, v in sub.items():
            t = t.replace(k, v)
        return t, 'evasion-homophones'
    if how == 4:   # pinyin initials
        for k, v in {'保本保息': 'BBBX', '稳赚不赔': 'wzbp', '高额回报': 'GEHB', '原始股': 'ysg'}.items():
            t = t.replace(k, v)
        return t, 'evasion-pinyin'
    if how == 5:   # Chinese numerals
        for k, v in {'月息2分': '月息两分', '月息3分': '月息三分', '年化收益15%': '年化收益百分之十五', '年化收益24%': '年化收益二十四个点',
                     '年化收益12%': '年化收益百分之十二', '年化收益36%': '年化收益百分之三十六'}.items():
            t = t.replace(k, v)
        return t, 'evasion-numerals'
    return t.replace('，', ' ~ '), 'evasion-punctuation'

banks = ['工商银行', '农业银行', '中国银行', '建设银行', '邮储银行', '农商银行', '村镇银行', '县信用联社']
def bank():
    b = pick(banks)
    r = pick(['1.2', '1.45', '1.55', '1.75', '1.9', '2.0', '2.15', '2.35', '2.6', '2.75'])
    return pick([
        '{b}三年期定期存款年利率{r}%，大额存单20万起存，受存款保险保障，欢迎到网点咨询。',
        '{b}整存整取一年期年利率{r}%，存款安全，本息有保障，详询各营业网点。',
        '{b}储蓄国债（电子式）发行，三年期票面年利率{r}%，到期还本付息，请携带身份证到柜台购买。',
        '【{b}】新客专享：定期存款年利率{r}%，存款保险保障，名额有限。',
        '{b}养老金客户活期转定期，一年期利率{r}%，存款受《存款保险条例》保护。',
        '{b}提醒：存款利率以网点公告为准，当前两年期定期存款利率{r}%。',
    ]).format(b=b, r=r)

def disclaimer():
    lo = R.choice([2.1, 2.5, 2.8, 3.0, 3.2]); hi = round(lo + R.choice([0.3, 0.5, 0.8, 1.0]), 1)
    return pick([
        '本产品为非保本浮动收益型理财产品，业绩比较基准{lo}%-{hi}%，不代表实际收益。理财非存款，产品有风险，投资须谨慎。',
        '风险提示：本基金过往业绩不代表未来表现，管理人不承诺保本，不保证最低收益。市场有风险，投资需谨慎。',
        '本理财产品为净值型产品，不保证本金和收益，年化业绩比较基准{lo}%，投资者应自担风险。理财非存款，投资须谨慎。',
        '{b}代销的保险产品由保险公司承保，红利分配是不确定的，不得承诺保本保息。产品有风险，购买需谨慎。',
        '重要提示：本产品不承诺保本，历史年化收益率{lo}%仅供参考，不构成投资建议，请仔细阅读风险揭示书。',
        '信托产品风险揭示：受托人不保证信托财产不受损失，也不保证最低收益，预期年化收益率{hi}%并非承诺。',
    ]).format(lo=lo, hi=hi, b=pick(banks))

def antifraud():
    q = pick(['保本保息', '高额回报', '稳赚不赔', '保本高收益', '原始股', '以房养老', '消费返利', '拉人头', '虚拟货币', '月息2分'])
    q2 = pick(['保本保息', '高额回报', '稳赚不赔', '年化收益20%', '发展下线', '售后返租'])
    return pick([
        '警惕“{q}”！凡是承诺{q2}的都是骗局，防范非法集资，守护好您的钱袋子。',
        '防范非法集资宣传月：天上不会掉馅饼，“{q}”往往是陷阱，发现线索请向县处非办举报。',
        '以案说法：某公司以“{q}”“{q2}”为诱饵吸收资金，最终血本无归。远离非法集资，切勿轻信。',
        '【反诈提醒】谨防打着“{q}”旗号的非法集资，不要相信所谓的{q2}，如有疑问拨打举报电话。',
        '识别非法集资四个特征：承诺{q2}、以“{q}”为名、向社会公开宣传、未经依法批准。',
        '社区防非讲座：老年人要提防“{q}”套路，凡是宣称{q2}的，都是非法集资的典型话术。',
        '典型案例：张某以“{q}”为名，许诺{q2}，非法吸收公众存款被判刑，受害群众要及时举报。',
    ]).format(q=q, q2=q2)

def news():
    return pick([
        '县法院公开宣判一起集资诈骗案，被告人以“{q}”为名骗取群众资金，被判处有期徒刑十年。',
        '据通报，{c}涉嫌非法吸收公众存款，公安机关已立案侦查，请参与群众及时登记。',
        '处非办联合市场监管局开展广告资讯排查，清理含有“{q}”等违规用语的广告23条。',
        '金融监管总局提示：理财产品不得宣传“{q}”，商业银行应加强销售行为管理。',
    ]).format(q=pick(['保本保息', '高额回报', '原始股', '以房养老']), c=company())

def ordinary():
    return pick([
        '{c}周年店庆，全场商品八折，会员消费满200元送50元代金券，地址：城关镇建设路18号。',
        '新楼盘火热认购中，首付低至两成，学区房，交通便利，咨询热线{p}。',
        '暑期英语培训班招生，小班教学，名额有限，先到先得，报名电话{p}。',
        '{b}个人住房贷款利率下调，首套房贷款年利率低至3.05%，欢迎咨询。',
        '{c}诚聘销售代表，底薪加提成，缴纳五险一金，月收入5000至8000元。',
        '农商银行助农贷款，年利率3.45%，无需抵押，手续简便，支持乡村振兴。',
        '某保险公司重大疾病保险，保障100种重疾，每年保费2000元起，详询代理人。',
        '新鲜草莓采摘节开幕，成人票40元，儿童免费，扫码入群了解更多活动。',
        '{c}春季招商会：加盟连锁便利店，总部统一配送，欢迎加盟，电话{p}。',
        '本店收购旧手机、旧家电，价格公道，上门回收，电话{p}。',
        '区块链技术研讨会在县科技馆举行，专家介绍区块链在农产品溯源中的应用。',
        '县养老服务中心开展敬老活动，为80岁以上老人免费体检，欢迎家属陪同。',
        '数字人民币试点：使用数字人民币支付享立减优惠，具体以活动页面为准。',
        '电商平台双十一购物返现活动，满300减40，部分商品支持分期免息。',
        '年终奖怎么存？专家建议：分散配置，不要轻信高收益承诺，优先选择银行存款和国债。',
        '合作社入股分红公示：2025年度按交易量返还盈余，每户平均分红1200元。',
    ]).format(c=company(), p=phone(), b=pick(banks))

hard_look = [  # look-alikes that are hard on purpose (some are misread, see docs/detector.md)
    '“保本保息”“稳赚不赔”这些话你信吗？天上掉馅饼的事，别伸手。',
    '国债是国家信用担保，保本保息，适合稳健型投资者，{b}柜台有售。',
    '加盟{c}奶茶店，投资5万，预计月收益1万元，总部全程扶持。',
    '{b}稳健理财季：一年期产品年化3.6%，1万元起购，详询网点。',
    '县社保中心提醒：城乡居民养老保险个人账户记账利率2.62%，多缴多得。',
    '投资自己才是高回报，{c}职业技能培训，学完推荐就业。',
]
hard_fraud = [
    '本公司合法合规，投资有风险：年化收益18%，保本保息，{c}欢迎您。',
    '不是理财胜似理财，{c}会员卡充一万每月返八百，推荐朋友再返。',
]
rows = []
for i in range(30):
    rows.append((pick(hard_look).format(c=company(), b=pick(banks)), 0, 'lookalike-hard'))
for i in range(10):
    rows.append((pick(hard_fraud).format(c=company()), 1, 'fraud-hard'))
for i in range(170):
    rows.append((fraud(), 1, 'fraud'))
for i in range(16):
    rows.append((pick(subtle).format(c=company()), 1, 'fraud-subtle'))
for i in range(120):
    t, k = evade(fraud())
    rows.append((t, 1, k))
look = [(bank, 'lookalike-bank', 70), (disclaimer, 'lookalike-disclaimer', 60), (antifraud, 'lookalike-antifraud', 80),
        (news, 'lookalike-news', 30), (ordinary, 'ordinary', 70)]
for f, k, n in look:
    for i in range(n):
        rows.append((f(), 0, k))
R.shuffle(rows)
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['id', 'text', 'label', 'kind'])
for i, (t, l, k) in enumerate(rows, 1):
    w.writerow(['L%04d' % i, t, l, k])
