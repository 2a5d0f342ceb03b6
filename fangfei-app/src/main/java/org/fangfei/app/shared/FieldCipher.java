package org.fangfei.app.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data (phone and ID numbers, tipster identity) with SM4-GCM before it
 * reaches the database. The key comes from configuration ({@code fangfei.crypto.sm4-key},
 * 32 hex digits), never from the database. The additional authenticated data binds each
 * value to its place ({@code table.column:id}), so a ciphertext copied into another row
 * or column does not decrypt.
 *
 * <p>
 * Stored form: version byte {@code 1}, 12-byte random nonce, ciphertext with 128-bit tag.
 */
@Component
public class FieldCipher {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final KeyParameter key;

	private final SecureRandom random = new SecureRandom();

	public FieldCipher(@Value("${fangfei.crypto.sm4-key}") String hexKey) {
		byte[] bytes = HexFormat.of().parseHex(hexKey.trim());
		if (bytes.length != 16) {
			throw new IllegalArgumentException("fangfei.crypto.sm4-key must be 16 bytes (32 hex digits)");
		}
		this.key = new KeyParameter(bytes);
	}

	public byte[] encrypt(String plain, String place) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		GCMModeCipher gcm = cipher(true, nonce, place);
		byte[] input = plain.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[1 + NONCE_BYTES + gcm.getOutputSize(input.length)];
		out[0] = VERSION;
		System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
		int n = gcm.processBytes(input, 0, input.length, out, 1 + NONCE_BYTES);
		try {
			gcm.doFinal(out, 1 + NONCE_BYTES + n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException(ex);
		}
		return out;
	}

	public String decrypt(byte[] stored, String place) {
		if (stored == null) {
			return null;
		}
		if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
			throw new IllegalArgumentException("Not a Fangfei SM4-GCM value");
		}
		byte[] nonce = java.util.Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES);
		GCMModeCipher gcm = cipher(false, nonce, place);
		int offset = 1 + NONCE_BYTES;
		byte[] out = new byte[gcm.getOutputSize(stored.length - offset)];
		int n = gcm.processBytes(stored, offset, stored.length - offset, out, 0);
		try {
			n += gcm.doFinal(out, n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalArgumentException("Encrypted value fails authentication for " + place, ex);
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	private GCMModeCipher cipher(boolean encrypt, byte[] nonce, String place) {
		// a field is a few blocks: the default multiplier's 4 KB table, built at every
		// init,
		// costs more than it saves (a register of a million participants is encrypted in
		// one import: docs/performance.md)
		GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
		gcm.init(encrypt, new AEADParameters(this.key, TAG_BITS, nonce, place.getBytes(StandardCharsets.UTF_8)));
		return gcm;
	}

}
