package org.fangfei.detect.screen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The screener's rules, one evasion and one look-alike at a time. */
class ScreenerTest {

	private static final Screener SCREENER = Screener.builtIn();

	private static Screening screen(String text) {
		return SCREENER.screen(text);
	}

	@Test
	void plainFundraisingAdIsFlaggedWithEveryReason() {
		Screening s = screen("XX养老项目火热招募，投资10万元月息2分，保本保息，稳赚不赔，详询138");
		assertThat(s.flagged()).isTrue();
		assertThat(s.score()).isGreaterThanOrEqualTo(90);
		assertThat(s.explanation()).contains("保本承诺「保本保息」+45", "保本承诺「稳赚不赔」+50", "收益数字「月息2分」(折合年化24%)+55", "养老「养老项目」+25");
	}

	@Test
	void nothingFoundSaysSo() {
		Screening s = screen("周末超市鸡蛋特价，每斤4.5元");
		assertThat(s.score()).isZero();
		assertThat(s.flagged()).isFalse();
		assertThat(s.explanation()).isEqualTo("未发现集资类用语");
		assertThat(screen(null).score()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			spaces between characters     | 保 本 保 息      | 保本保息
			symbols between characters    | 保★本·保/息      | 保本保息
			emoji between characters      | 稳😀赚💰不🔥赔   | 稳赚不赔
			full-width spaces             | 稳　赚　不　赔   | 稳赚不赔
			traditional characters        | 穩賺不賠         | 稳赚不赔
			traditional, mixed            | 虛擬貨幣挖礦     | 虚拟货币
			homophones                    | 饱本饱息         | 保本保息
			homophones and typos          | 稳转不陪         | 稳赚不赔
			homophone of equity           | 原始骨内部认购   | 原始股
			pinyin initials               | 认准BBBX         | 保本保息
			pinyin initials, spaced       | w z b p，速来    | 稳赚不赔
			""")
	void evasionsReadAsTheTerm(String how, String text, String term) {
		Screening s = screen(text);
		assertThat(s.hits()).as(how).anyMatch((h) -> h.term().equals(term));
		assertThat(s.score()).as(how).isGreaterThanOrEqualTo(40);
	}

	@Test
	void pinyinInitialsInsideAWordDoNotCount() {
		assertThat(screen("download bbbxyz.zip").hits()).isEmpty();
		assertThat(screen("the wzbpq code").hits()).isEmpty();
	}

	@ParameterizedTest(name = "{0} = {1}%")
	@CsvSource(delimiter = '|', textBlock = """
			年化15%                  | 15
			年化收益率高达百分之十五   | 15
			年化收益二十四个点         | 24
			月息2分                  | 24
			月息两分半               | 30
			月息一分五               | 18
			日息千分之三             | 109.5
			每天返1%                 | 365
			年息三分                 | 30
			月收益8厘                | 9.6
			年化收益12%-36%          | 36
			年化收益 1 5 %           | 15
			""")
	void yieldsWrittenAsNumbersAreReadPerYear(String text, String annual) {
		assertThat(screen(text).hits()).anyMatch((h) -> h.term().equals("折合年化" + annual + "%"));
	}

	@Test
	void veryIsNotAYield() {
		assertThat(screen("年化收益十分可观").hits()).noneMatch((h) -> h.category().equals("收益数字"));
	}

	@Test
	void ordinaryRatesScoreNothing() {
		Screening s = screen("我行三年期定期存款年利率2.75%，大额存单20万起存，受存款保险保障");
		assertThat(s.score()).isZero();
		assertThat(s.explanation()).contains("折合年化2.8%，属正常水平", "持牌机构语境");
	}

	@Test
	void bankDepositAdAtOrdinaryRatesIsNotFlagged() {
		Screening s = screen("农商银行整存整取一年期年利率1.75%，存款安全，本息有保障，到期还本付息，受存款保险保障。");
		assertThat(s.flagged()).isFalse();
		assertThat(s.score()).isLessThan(25);
	}

	@Test
	void licensedProductDisclaimerIsNotFlagged() {
		Screening s = screen("本产品为非保本浮动收益型理财产品，业绩比较基准3.2%-4.0%，不代表实际收益。理财非存款，产品有风险，投资须谨慎。");
		assertThat(s.flagged()).isFalse();
		assertThat(s.score()).isLessThan(10);
		assertThat(s.explanation()).contains("免责声明语境");
	}

	@Test
	void negatedGuaranteesDoNotCount() {
		Screening s = screen("管理人不承诺保本保息，不保证最低收益");
		assertThat(s.hits()).noneMatch((h) -> h.category().equals("保本承诺"));
	}

	@Test
	void antiFraudPublicityQuotingTheWordsIsNotFlagged() {
		Screening s = screen("警惕'保本高收益'！凡是承诺高额回报的都是骗局，防范非法集资，守护好您的钱袋子。");
		assertThat(s.flagged()).isFalse();
		assertThat(s.explanation()).contains("反诈宣传语境", "×30%");
	}

	@Test
	void aDisclaimerDoesNotExcuseAHighYield() {
		Screening s = screen("投资有风险，本公司合法合规：年化收益18%，保本保息，产品有风险");
		assertThat(s.flagged()).isTrue();
		assertThat(s.explanation()).contains("不减分（承诺收益过高）");
	}

	@Test
	void antiFraudWordsWeighLessWhenTheTextSolicits() {
		int publicity = screen("警惕保本高收益的骗局，高额回报都是陷阱").score();
		int disguised = screen("不是骗局！高额回报，月息3分，名额有限，加微信").score();
		assertThat(disguised).isGreaterThan(publicity);
		assertThat(disguised).isGreaterThanOrEqualTo(Screener.THRESHOLD);
	}

	@Test
	void theQuoteShowsTheTextAsWritten() {
		Screening s = screen("绝对 保😀本😀保😀息 哦");
		assertThat(s.hits()).anyMatch((h) -> h.quote().equals("保😀本😀保😀息") && h.term().equals("保本保息"));
	}

	@Test
	void aTermCountsOnceHoweverOftenItIsRepeated() {
		assertThat(screen("保本保息保本保息保本保息").score()).isEqualTo(screen("保本保息").score());
	}

	@Test
	void categoriesOfTheLibraryEachScore() {
		for (String text : new String[] { "原始股认购", "以房养老", "虚拟货币", "消费返利", "拉人头", "民族资产解冻" }) {
			assertThat(screen(text).score()).as(text).isGreaterThanOrEqualTo(35);
		}
	}

}
