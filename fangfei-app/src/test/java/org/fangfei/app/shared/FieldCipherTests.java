package org.fangfei.app.shared;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SM4-GCM field encryption and the HMAC-SM3 blind index.
 */
class FieldCipherTests {

	private final FieldCipher cipher = new FieldCipher("0123456789abcdef0123456789abcdef");

	private final BlindIndex index = new BlindIndex("00112233445566778899aabbccddeeff");

	@Test
	void roundTripsAndHidesThePlainText() {
		byte[] stored = this.cipher.encrypt("13912345678", "person.phone:7");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
		assertThat(this.cipher.decrypt(stored, "person.phone:7")).isEqualTo("13912345678");
	}

	@Test
	void theSameValueEncryptsDifferentlyEachTime() {
		assertThat(this.cipher.encrypt("13912345678", "person.phone:7"))
			.isNotEqualTo(this.cipher.encrypt("13912345678", "person.phone:7"));
	}

	@Test
	void aValueMovedToAnotherRowDoesNotDecrypt() {
		byte[] stored = this.cipher.encrypt("13912345678", "person.phone:7");
		assertThatThrownBy(() -> this.cipher.decrypt(stored, "person.phone:8"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTamperedValueDoesNotDecrypt() {
		byte[] stored = this.cipher.encrypt("13912345678", "person.phone:7");
		stored[stored.length - 1] ^= 1;
		assertThatThrownBy(() -> this.cipher.decrypt(stored, "person.phone:7"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anotherKeyCannotDecrypt() {
		byte[] stored = this.cipher.encrypt("13912345678", "person.phone:7");
		FieldCipher other = new FieldCipher("fedcba9876543210fedcba9876543210");
		assertThatThrownBy(() -> other.decrypt(stored, "person.phone:7")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void keysOfTheWrongSizeAreRefused() {
		assertThatThrownBy(() -> new FieldCipher("0123")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BlindIndex("0123")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theBlindIndexIsStableKeyedAndPurposeBound() {
		assertThat(this.index.of("person.phone", "13912345678")).isEqualTo(this.index.of("person.phone", "13912345678"))
			.hasSize(64);
		assertThat(this.index.of("person.phone", "13912345678"))
			.isNotEqualTo(this.index.of("person.id_number", "13912345678"));
		assertThat(new BlindIndex("ffeeddccbbaa99887766554433221100").of("person.phone", "13912345678"))
			.isNotEqualTo(this.index.of("person.phone", "13912345678"));
	}

}
