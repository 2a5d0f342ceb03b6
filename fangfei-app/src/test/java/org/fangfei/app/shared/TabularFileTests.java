package org.fangfei.app.shared;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading Excel and CSV as people in China save them.
 */
class TabularFileTests {

	@Test
	void readsBackTheExcelItWrote() {
		byte[] xlsx = TabularFile.writeXlsx("区划", List.of("区划代码", "名称"),
				List.of(List.of("620422100000", "会师镇"), List.of("620422101000", "郭城驿镇")));
		List<List<String>> rows = TabularFile.read("区划.xlsx", new ByteArrayInputStream(xlsx));
		assertThat(rows).containsExactly(List.of("区划代码", "名称"), List.of("620422100000", "会师镇"),
				List.of("620422101000", "郭城驿镇"));
	}

	@Test
	void readsGbkAndUtf8CsvWithQuotes() {
		String text = "名称,备注\r\n会师镇,\"含,逗号\"\r\n\"引号\"\"内\",\n";
		for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
			List<List<String>> rows = TabularFile.read("a.csv", new ByteArrayInputStream(text.getBytes(charset)));
			assertThat(rows).containsExactly(List.of("名称", "备注"), List.of("会师镇", "含,逗号"), List.of("引号\"内", ""));
		}
	}

	@Test
	void refusesOtherFilesWithAChineseMessage() {
		assertThatThrownBy(() -> TabularFile.read("a.txt", new ByteArrayInputStream(new byte[] { 1 })))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("只支持");
		assertThatThrownBy(() -> TabularFile.read("a.xlsx", new ByteArrayInputStream("not excel".getBytes())))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("无法读取");
		assertThatThrownBy(() -> TabularFile.read("a.csv", new ByteArrayInputStream(new byte[0])))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("空");
	}

}
