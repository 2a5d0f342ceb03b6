package org.fangfei.detect.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.fangfei.detect.io.TransferParser;

/**
 * {@code generate}: writes a synthetic transfers CSV (gzip when the name ends in .gz)
 * sorted by time with a little disorder within half an hour, the truth file
 * {@code account,pattern} (planted scheme accounts with their pattern, look-alike
 * accounts with {@code NONE}) and next to it {@code <truth>.kinds.csv}
 * ({@code account,kind}) naming each look-alike's kind for {@code evaluate}.
 * Deterministic per seed.
 */
public final class Generate {

	private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢".split("");

	private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅文辉鹏飞玉珍海燕志宏春生晓东".split("");

	private static final String[] FIRMS = { "商贸有限公司", "科技有限公司", "物业服务有限公司", "学校", "超市", "餐饮店", "建筑劳务有限公司", "农业专业合作社",
			"信息咨询有限公司", "小额贷款有限公司", "农村商业银行支行" };

	private Generate() {
	}

	/** Generates the files; returns the number of transfers. */
	public static long write(int accounts, int days, long seed, Path file, Path truth) throws IOException {
		World w = new World(accounts, days, seed);
		Flows flows = new Flows(w);
		long salt = new SplittableRandom(seed ^ 0x5DEECE66DL).nextLong(1L << 56);
		byte[][] numbers = new byte[accounts][];
		byte[][] names = new byte[accounts][];
		for (int i = 0; i < accounts; i++) {
			numbers[i] = w.accountNumber(i, salt).getBytes(StandardCharsets.US_ASCII);
			names[i] = name(w, i).getBytes(StandardCharsets.UTF_8);
		}
		byte[][] memos = bytes(World.MEMOS, true);
		byte[][] channels = bytes(World.CHANNELS, false);
		Emitter e = new Emitter();
		SplittableRandom disorder = new SplittableRandom(seed * 31 + 7);
		long tx = 0;
		try (OutputStream os = open(file)) {
			RowWriter r = new RowWriter(os);
			r.text(TransferParser.HEADER).ch('\n');
			for (int d = 0; d < days; d++) {
				e.clear();
				flows.day(d, e);
				w.plants.day(d, e);
				byte[] date = (w.date(d).toString() + "T").getBytes(StandardCharsets.US_ASCII);
				long[] order = e.sorted(disorder, 0.002);
				for (int k = 0; k < e.n; k++) {
					int i = (int) order[k];
					int sec = e.sec[i];
					r.ch('T').ch('X').number(++tx, 10).ch(',').bytes(date).number(sec / 3600, 2).ch(':');
					r.number(sec / 60 % 60, 2).ch(':').number(sec % 60, 2).ch(',').bytes(numbers[e.payer[i]]).ch(',');
					r.bytes(names[e.payer[i]]).ch(',').bytes(numbers[e.payee[i]]).ch(',').bytes(names[e.payee[i]]);
					r.ch(',').yuan(e.fen[i]).ch(',').bytes(channels[e.channel[i]]).ch(',').bytes(memos[e.memo[i]]);
					r.ch('\n');
				}
			}
			r.flush();
		}
		writeTruth(w, salt, truth);
		return tx;
	}

	private static OutputStream open(Path file) throws IOException {
		OutputStream raw = Files.newOutputStream(file);
		if (file.getFileName().toString().endsWith(".gz")) {
			return new GZIPOutputStream(raw, 1 << 16) {
				{
					this.def.setLevel(Deflater.BEST_SPEED);
				}
			};
		}
		return new BufferedOutputStream(raw, 1 << 16);
	}

	private static byte[][] bytes(String[] texts, boolean quote) {
		byte[][] b = new byte[texts.length][];
		for (int i = 0; i < texts.length; i++) {
			String t = texts[i];
			b[i] = ((quote && t.contains(",")) ? "\"" + t + "\"" : t).getBytes(StandardCharsets.UTF_8);
		}
		return b;
	}

	private static String name(World w, int i) {
		int h = Math.floorMod(i * 0x9E3779B1, 1 << 30);
		int kind = w.role[i];
		if (kind < 0) {
			return SURNAMES[h % SURNAMES.length] + GIVEN[(h >> 8) % GIVEN.length]
					+ ((h & 1) == 0 ? GIVEN[(h >> 16) % GIVEN.length] : "");
		}
		String town = SURNAMES[h % SURNAMES.length] + "家" + GIVEN[(h >> 8) % GIVEN.length];
		String[] suffix = { "商贸有限公司", "超市", "学校", "物业服务有限公司", "", "小额贷款有限公司", "农村商业银行支行" };
		if (kind == 4) {
			return SURNAMES[h % SURNAMES.length] + GIVEN[(h >> 8) % GIVEN.length];
		}
		return town + ((kind == 0) ? FIRMS[(h >> 12) % 3] : suffix[kind]);
	}

	private static void writeTruth(World w, long salt, Path truth) throws IOException {
		String kinds = truth.getFileName().toString().replaceFirst("\\.csv$", "") + ".kinds.csv";
		try (Writer t = Files.newBufferedWriter(truth, StandardCharsets.UTF_8);
				Writer k = Files.newBufferedWriter(truth.resolveSibling(kinds), StandardCharsets.UTF_8)) {
			t.write("account,pattern\n");
			k.write("account,kind\n");
			for (int i = 0; i < w.plants.accounts.length; i++) {
				String a = w.accountNumber(w.plants.accounts[i], salt);
				t.write(a + "," + w.plants.pattern[i].name() + "\n");
				k.write(a + "," + w.plants.pattern[i].name() + "\n");
			}
			for (int kind = 0; kind < World.KINDS.length; kind++) {
				for (int a : w.byKind[kind]) {
					String acc = w.accountNumber(a, salt);
					t.write(acc + ",NONE\n");
					k.write(acc + "," + World.KINDS[kind] + "\n");
				}
			}
		}
	}

}
