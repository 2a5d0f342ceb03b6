package org.fangfei.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fangfei.detect.screen.Screener;
import org.fangfei.detect.screen.Screening;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The ad screener alone (no CSV), one thread: one operation screens a corpus of exactly
 * {@link #CORPUS_BYTES} bytes of UTF-8 text, so operations per second × 8 is MB per
 * second. {@code posts}: crawled posts of 200–3,000 characters, one in ten a fundraising
 * ad; {@code ads}: short ads, every one with several hits (the explanation is built for
 * each); {@code ascii}: English and numbers (one byte per character, the most characters
 * per MB).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ScreenerBenchmark {

	/** 8 MB of text per operation. */
	public static final int CORPUS_BYTES = 8 << 20;

	private static final String[] ORDINARY = { "县里今天召开了春季农业生产工作会议，部署了春耕备耕工作。", "本店新到一批家电，价格实惠，欢迎选购，送货上门。",
			"城关镇建设路18号，周末有集市，早上七点开始。", "天气预报：明天多云转晴，气温12到20摄氏度，东南风二级。", "学校开展了消防安全演练，全体师生参加。",
			"农商银行三年期定期存款年利率2.6%，受存款保险保障。", "本产品为非保本浮动收益型，理财非存款，产品有风险，投资须谨慎。", "警惕“保本高收益”的陷阱，防范非法集资，发现线索请举报。",
			"社区开展敬老活动，为老人免费理发、量血压。", "招聘：销售代表两名，底薪加提成，五险一金。" };

	private static final String[] FRAUD = { "XX养老项目火热招募，投资10万元月息2分，保本保息，稳赚不赔，推荐新人再奖5%，详询13800001111。",
			"穩賺不賠！原始股內部認購，即將上市，年化收益百分之三十六。", "保 本 保 息，日息千分之三，发展下线拿见点奖，名额有限加微信。", "消费全返，购物满一万全额返还，月息两分半，wzbp。",
			"虚拟货币挖矿，矿机托管每日产币，😀高😀额😀回😀报😀。" };

	private static final String[] ASCII = { "The county council met on Monday to plan the spring sowing. ",
			"Shop 18, Jianshe Road, open 8:00-20:00, call 0571-12345678 for delivery. ",
			"Weather: cloudy, 12-20 C, light wind. Order #20261207-00042 shipped. " };

	@Param({ "posts", "ads", "ascii" })
	public String corpus;

	private Screener screener;

	private List<String> texts;

	@Setup(Level.Trial)
	public void load() {
		this.screener = Screener.builtIn();
		this.texts = texts(this.corpus, new SplittableRandom(7));
	}

	static List<String> texts(String corpus, SplittableRandom random) {
		List<String> out = new ArrayList<>();
		long bytes = 0;
		while (bytes < CORPUS_BYTES) {
			StringBuilder sb = new StringBuilder();
			switch (corpus) {
				case "posts" -> {
					int length = 200 + random.nextInt(2800);
					while (sb.length() < length) {
						sb.append(ORDINARY[random.nextInt(ORDINARY.length)]);
					}
					if (random.nextInt(10) == 0) {
						sb.insert(random.nextInt(sb.length()), FRAUD[random.nextInt(FRAUD.length)]);
					}
				}
				case "ads" -> sb.append(FRAUD[random.nextInt(FRAUD.length)]).append(ORDINARY[random.nextInt(3)]);
				case "ascii" -> {
					int length = 200 + random.nextInt(2800);
					while (sb.length() < length) {
						sb.append(ASCII[random.nextInt(ASCII.length)]);
					}
				}
				default -> throw new IllegalArgumentException(corpus);
			}
			String text = sb.toString();
			int size = text.getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > CORPUS_BYTES) {
				byte[] cut = new byte[(int) (CORPUS_BYTES - bytes)];
				System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, cut, 0, cut.length);
				text = new String(cut, StandardCharsets.UTF_8);
				size = cut.length;
			}
			out.add(text);
			bytes += size;
		}
		return out;
	}

	@Benchmark
	public void screen(Blackhole bh) {
		for (String text : this.texts) {
			Screening s = this.screener.screen(text);
			bh.consume(s.score());
		}
	}

}
