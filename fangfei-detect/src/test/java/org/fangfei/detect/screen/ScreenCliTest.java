package org.fangfei.detect.screen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fangfei.detect.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code screen --in texts.csv --out scores.csv}: the exact files, and every bad input.
 */
class ScreenCliTest {

	@TempDir
	Path dir;

	private String run(int expectedExit, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
		return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
	}

	private Path file(String name, String content) throws Exception {
		Path p = this.dir.resolve(name);
		Files.writeString(p, content, StandardCharsets.UTF_8);
		return p;
	}

	@Test
	void scoresEveryTextWithTheExactHeader() throws Exception {
		Path in = file("texts.csv", """
				url,id,title,text
				http://a,a1,t,"保本保息，月息3分, 稳赚不赔"
				http://b,b2,t,"多行
				文本，""引号""，无关内容"
				""");
		Path out = this.dir.resolve("scores.csv");
		String said = run(0, "screen", "--in", in.toString(), "--out", out.toString());
		assertThat(said).contains("texts read: 2", "flagged (score >= 50): 1");
		List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("id,score,flagged,explanation");
		assertThat(lines.get(1)).startsWith("a1,").matches("a1,\\d+,1,保本承诺.*");
		assertThat(lines.get(2)).isEqualTo("b2,0,0,未发现集资类用语");
		assertThat(lines).hasSize(3);
	}

	@Test
	void anExplanationWithACommaIsQuoted() throws Exception {
		Path in = file("texts.csv", "id,text\n1,\"x,y 保本保息\"\n");
		Path out = this.dir.resolve("scores.csv");
		run(0, "screen", "--in", in.toString(), "--out", out.toString());
		assertThat(Files.readString(out)).contains("1,45,0,保本承诺「保本保息」+45；合计45分");
	}

	@Test
	void aDictionaryFileCanReplaceTheBuiltInOne() throws Exception {
		Path in = file("texts.csv", "id,text\n1,月球土地认领\n");
		Path dict = file("dict.txt", "虚构项目 60 月球土地\n");
		Path out = this.dir.resolve("scores.csv");
		run(0, "screen", "--in", in.toString(), "--out", out.toString(), "--dictionary", dict.toString());
		assertThat(Files.readAllLines(out).get(1)).startsWith("1,60,1,");
		Path bad = file("bad.txt", "虚构项目 六十 月球土地\n");
		assertThat(run(2, "screen", "--in", in.toString(), "--out", out.toString(), "--dictionary", bad.toString()))
			.contains("词库第 1 行：权重“六十”不是整数");
	}

	@Test
	void badInputIsRefusedWithItsLineAndNoOutputIsLeft() throws Exception {
		Path out = this.dir.resolve("scores.csv");
		String[][] cases = { { "id,body\n1,x\n", "line 1: the header must name the columns id and text" },
				{ "", "line 1: empty file" },
				{ "id,text\n1,ok\n2,\"never closed\n3,x\n", "line 3: unterminated quote" },
				{ "id,text\n1,ok\n,empty id\n", "line 3: empty id" },
				{ "id,x,text\n1,a,ok\n2,b\n", "line 3: expected 3 fields, found 2" },
				{ "id,text\n1,ab\"c\n", "line 2: a quote inside an unquoted field" },
				{ "id,text\n1,\"ab\"c\n", "line 2: text after a closing quote" } };
		for (String[] c : cases) {
			Path in = file("bad.csv", c[0]);
			assertThat(run(2, "screen", "--in", in.toString(), "--out", out.toString())).as(c[0]).contains(c[1]);
			assertThat(out).doesNotExist();
			assertThat(this.dir.resolve("scores.csv.part")).doesNotExist();
		}
	}

	@Test
	void notUtf8IsRefusedWithItsLine() throws Exception {
		Path in = this.dir.resolve("gbk.csv");
		Files.write(in, "id,text\n1,ok\n2,保本保息\n".getBytes("GBK"));
		assertThat(run(2, "screen", "--in", in.toString(), "--out", this.dir.resolve("o.csv").toString()))
			.contains("line 3: not UTF-8 text");
	}

	@Test
	void missingOptionsAreNamed() {
		assertThat(run(2, "screen", "--in", "x.csv")).contains("missing --out");
	}

}
