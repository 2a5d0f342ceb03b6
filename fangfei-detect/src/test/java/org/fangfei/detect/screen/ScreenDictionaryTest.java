package org.fangfei.detect.screen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dictionary as the office edits it: every wrong line refused with its number. */
class ScreenDictionaryTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown category     | 保本承诺 40 保本保息\\n乱写 10 某词            | 词库第 2 行：未知类别“乱写”
			weight not a number  | 保本承诺 四十 保本保息                          | 词库第 1 行：权重“四十”不是整数
			weight out of range  | 保本承诺 140 保本保息                           | 词库第 1 行：权重应在 0 到 100 之间，实为 140
			no term              | # 注释\\n保本承诺 40                             | 词库第 2 行：应为“类别 权重 词条 [变体…]”，缺少词条
			one-character term   | 保本承诺 40 保                                  | 词库第 1 行：词条“保”去掉符号后不足两个字，会误报
			context weight zero  | 保本承诺 40 保本保息\\n反诈宣传 0 警惕          | 词库第 2 行：反诈宣传的权重是保留分数的百分比，不能为 0
			bad fold             | 保本承诺 40 保本保息\\n同音 保本 宝               | 词库第 2 行：应为“同音 正字 字字字”，正字为一个汉字
			fold of non-Chinese  | 保本承诺 40 保本保息\\n同音 保 ab                | 词库第 2 行：“ab”中只能写汉字
			no signal at all     | 反诈宣传 30 警惕                                | 词库中没有任何信号词条（保本承诺、原始股等），无法排查
			""")
	void wrongLinesAreRefusedWithTheirNumber(String what, String text, String message) {
		assertThatThrownBy(() -> ScreenDictionary.parse(text.replace("\\n", "\n"))).as(what)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(message);
	}

	@Test
	void anEditedDictionaryChangesTheScore() {
		String extra = ScreenDictionary.builtIn().text() + "\n虚构项目 60 月球土地\n同音 月 悦\n";
		Screener edited = new Screener(ScreenDictionary.parse(extra));
		assertThat(Screener.builtIn().screen("悦球土地认领").score()).isLessThan(Screener.THRESHOLD);
		assertThat(edited.screen("悦球土地认领").score()).isGreaterThanOrEqualTo(Screener.THRESHOLD);
	}

	@Test
	void theBuiltInDictionaryReadsAndHasEveryCategory() {
		ScreenDictionary d = ScreenDictionary.builtIn();
		for (Category c : Category.values()) {
			assertThat(d.terms()).as(c.label()).anyMatch((t) -> t.category() == c);
		}
		assertThat(d.folds()).isNotEmpty();
	}

	@Test
	void aByteOrderMarkAndCarriageReturnsAreAccepted() {
		ScreenDictionary d = ScreenDictionary.parse("\uFEFF保本承诺 40 保本保息\r\n拉人头 45 拉人头\r\n");
		assertThat(d.terms()).hasSize(2);
	}

}
