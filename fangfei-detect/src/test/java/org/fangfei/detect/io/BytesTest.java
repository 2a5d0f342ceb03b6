package org.fangfei.detect.io;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser's SWAR byte search against a plain loop. */
class BytesTest {

	@Test
	void bytesFindMatchesALoop() {
		SplittableRandom rnd = new SplittableRandom(5);
		for (int k = 0; k < 5_000; k++) {
			byte[] b = new byte[rnd.nextInt(60)];
			for (int i = 0; i < b.length; i++) {
				b[i] = (byte) ((rnd.nextInt(8) == 0) ? ',' : rnd.nextInt(256));
			}
			int from = (b.length == 0) ? 0 : rnd.nextInt(b.length);
			int to = from + ((b.length == from) ? 0 : rnd.nextInt(b.length - from + 1));
			int expected = from;
			while (expected < to && b[expected] != ',') {
				expected++;
			}
			assertThat(Bytes.find(b, from, to, (byte) ',', Bytes.COMMA)).isEqualTo(expected);
		}
	}

}
