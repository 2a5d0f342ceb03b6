package org.fangfei.app.shared;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hash (HMAC-SM3) of a normalised value, stored beside its ciphertext so
 * exact-match lookups and uniqueness work without decrypting. The key
 * ({@code fangfei.crypto.index-key}) is separate from the encryption key and, like it,
 * never stored in the database. The purpose is mixed in, so equal values in different
 * columns do not share an index value.
 */
@Component
public class BlindIndex {

	private final byte[] key;

	private final ThreadLocal<HMac> macs = ThreadLocal.withInitial(this::keyed);

	public BlindIndex(@Value("${fangfei.crypto.index-key}") String hexKey) {
		this.key = HexFormat.of().parseHex(hexKey.trim());
		if (this.key.length < 16) {
			throw new IllegalArgumentException("fangfei.crypto.index-key must be at least 16 bytes");
		}
	}

	private HMac keyed() {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(this.key));
		return mac;
	}

	public String of(String purpose, String normalisedValue) {
		if (normalisedValue == null) {
			return null;
		}
		// keyed once per thread: HMac keeps its keyed state and goes back to it after
		// doFinal (a register import indexes hundreds of thousands of numbers)
		HMac mac = this.macs.get();
		byte[] input = (purpose + "\u0000" + normalisedValue).getBytes(StandardCharsets.UTF_8);
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

}
