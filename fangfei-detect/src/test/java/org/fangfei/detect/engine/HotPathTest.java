package org.fangfei.detect.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan's byte-level helpers against plain reference implementations. */
class HotPathTest {

	@Test
	void chunkKeepsTransferIdsOfAnyLengthAndGroupsLegsByAccountInTimeThenSeqOrder() {
		SplittableRandom rnd = new SplittableRandom(11);
		int n = 3_000;
		int accounts = 97;
		Chunk chunk = new Chunk(n);
		String[] ids = new String[n];
		long[] times = new long[n];
		int[][] parties = new int[n][];
		long maxSeen = Long.MIN_VALUE;
		for (int i = 0; i < n; i++) {
			// 1 to 40 bytes: packed in the row (up to 15) or kept as bytes; some with a
			// multi-byte character.
			StringBuilder sb = new StringBuilder((i % 10 == 0) ? "号" : "T");
			int len = rnd.nextInt(40);
			for (int k = 0; k < len; k++) {
				sb.append((char) ('0' + rnd.nextInt(10)));
			}
			ids[i] = sb.toString();
			byte[] line = ("x," + ids[i] + ",y").getBytes(StandardCharsets.UTF_8);
			// Mostly in time order, some rows up to 20 s early, some equal times.
			times[i] = 1_000L * i - ((i % 7 == 0) ? rnd.nextInt(20_000) : 0) - ((i % 5 == 0) ? 1_000 : 0);
			int r = chunk.addRow(times[i], i, 100);
			chunk.setTx(r, line, 2, line.length - 2);
			if (times[i] < maxSeen) {
				chunk.markDisordered(r);
			}
			maxSeen = Math.max(maxSeen, times[i]);
			int payer = rnd.nextInt(accounts);
			int payee = (i % 50 == 0) ? payer : rnd.nextInt(accounts);
			chunk.setAccount(r, false, payer, 1 + payer);
			chunk.setAccount(r, true, payee, 1 + payee);
			parties[i] = new int[] { payer, payee };
		}
		long[] packed = new long[2];
		for (int i = 0; i < n; i++) {
			assertThat(chunk.txId(i)).isEqualTo(ids[i]);
			if (chunk.packTxId(i, packed, 0)) {
				assertThat(ids[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(15);
				assertThat(AccountIndex.unpack(packed[0], packed[1])).isEqualTo(ids[i]);
			}
			else {
				assertThat(ids[i].getBytes(StandardCharsets.UTF_8).length).isGreaterThan(15);
			}
		}
		long until = 1_000L * (n - 100);
		int legs = chunk.group(accounts, until);
		// Every leg of a row up to the time once, by account, then by (time, seq, side).
		List<Integer> expected = new ArrayList<>();
		for (int a = 0; a < accounts; a++) {
			List<Integer> of = new ArrayList<>();
			for (int g = 0; g < 2 * n; g++) {
				if (parties[g >> 1][g & 1] == a && times[g >> 1] <= until) {
					of.add(g);
				}
			}
			of.sort((p, q) -> (times[p >> 1] != times[q >> 1]) ? Long.compare(times[p >> 1], times[q >> 1])
					: Integer.compare(p, q));
			expected.addAll(of);
		}
		assertThat(legs).isEqualTo(expected.size()).isLessThan(2 * n);
		assertThat(Arrays.stream(chunk.order(), 0, legs).boxed().toList()).isEqualTo(expected);
		for (int g = 0; g < 2 * n; g++) {
			assertThat(chunk.account(g)).isEqualTo(parties[g >> 1][g & 1]);
		}
	}

	@Test
	void accountIndexGivesOneIdPerAccountWhateverItsLengthAndPosition() {
		SplittableRandom rnd = new SplittableRandom(3);
		AccountIndex index = new AccountIndex();
		Map<String, Integer> ids = new HashMap<>();
		long[] keys = new long[4];
		for (int k = 0; k < 50_000; k++) {
			int len = 1 + rnd.nextInt(40);
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < len; i++) {
				sb.append((char) ('0' + rnd.nextInt((k % 3 == 0) ? 2 : 10)));
			}
			String account = sb.toString();
			byte[] bytes = account.getBytes(StandardCharsets.UTF_8);
			// Somewhere in a buffer, sometimes right at its end.
			int pad = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(30);
			int from = rnd.nextInt(10);
			byte[] buf = new byte[from + len + pad];
			Arrays.fill(buf, (byte) ',');
			System.arraycopy(bytes, 0, buf, from, len);
			long interned;
			if (k % 2 == 0 && AccountIndex.key(buf, from, from + len, keys, 0)) {
				interned = index.intern(keys, 0);
			}
			else {
				interned = index.intern(buf, from, from + len);
			}
			int id = AccountIndex.id(interned);
			Integer before = ids.putIfAbsent(account, id);
			if (before != null) {
				assertThat(id).as(account).isEqualTo(before);
			}
			assertThat(index.name(id)).isEqualTo(account);
			assertThat(AccountIndex.hash(interned)).isEqualTo(AccountState.hash(account));
		}
		assertThat(index.size()).isEqualTo(ids.size());
	}

	@Test
	void memoKeywordsMatchLikeContains() {
		List<String> words = List.of("投资", "理财", "分红", "利息", "返利", "本金", "认购", "入股", "ab", "b");
		MemoKeywords kw = new MemoKeywords(words);
		String alphabet = "投资理财分红利息返利本金认购入股abc货款";
		SplittableRandom rnd = new SplittableRandom(11);
		for (int k = 0; k < 20_000; k++) {
			StringBuilder sb = new StringBuilder();
			int len = rnd.nextInt(12);
			for (int i = 0; i < len; i++) {
				sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
			}
			String memo = sb.toString();
			int expected = 0;
			for (int i = 0; i < words.size(); i++) {
				if (memo.contains(words.get(i))) {
					expected |= 1 << i;
				}
			}
			assertThat(kw.match(memo)).as(memo).isEqualTo(expected);
			byte[] utf8 = memo.getBytes(StandardCharsets.UTF_8);
			assertThat(kw.match(utf8, 0, utf8.length)).as(memo).isEqualTo(expected);
		}
	}

}
