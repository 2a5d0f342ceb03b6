package org.fangfei.app.petition;

import java.util.Map;

import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.PersonalData;

import org.springframework.stereotype.Component;

/**
 * A person's ID number and phone as this module keeps them, like people and case
 * participants: SM4-GCM with AAD {@code
 *
<table>
 * .<column>:<id>}, an HMAC-SM3 blind index for exact search, a masked copy for display.
 * Both are optional.
 */
@Component
class Identity {

	/** What is stored for one person; nulls where nothing was given. */
	record Stored(byte[] idEnc, String idIdx, String idMasked, byte[] phoneEnc, String phoneIdx, String phoneMasked) {

		Map<String, Object> params() {
			java.util.HashMap<String, Object> p = new java.util.HashMap<>();
			p.put("idEnc", this.idEnc);
			p.put("idIdx", this.idIdx);
			p.put("idMasked", this.idMasked);
			p.put("phoneEnc", this.phoneEnc);
			p.put("phoneIdx", this.phoneIdx);
			p.put("phoneMasked", this.phoneMasked);
			return p;
		}

	}

	private final FieldCipher cipher;

	private final BlindIndex index;

	Identity(FieldCipher cipher, BlindIndex index) {
		this.cipher = cipher;
		this.index = index;
	}

	/** Encrypts the normalised {@code idNumber} and {@code phone} of row {@code id}. */
	Stored store(String table, long id, String idNumber, String phone) {
		return new Stored(idNumber == null ? null : this.cipher.encrypt(idNumber, table + ".id_number:" + id),
				idNumber == null ? null : idIndex(table, idNumber),
				idNumber == null ? null : PersonalData.maskIdNumber(idNumber),
				phone == null ? null : this.cipher.encrypt(phone, table + ".phone:" + id),
				phone == null ? null : phoneIndex(table, phone), phone == null ? null : PersonalData.maskPhone(phone));
	}

	String idIndex(String table, String normalisedIdNumber) {
		return this.index.of(table + ".id_number", normalisedIdNumber);
	}

	String phoneIndex(String table, String normalisedPhone) {
		return this.index.of(table + ".phone", normalisedPhone);
	}

	/** The normalised ID number, null for blank; adds an error when it is not valid. */
	static String idNumber(String raw, String field, Map<String, String> errors) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String id = PersonalData.normaliseIdNumber(raw);
		if (!PersonalData.isValidIdNumber(id)) {
			errors.put(field, "身份证号不正确（18位，校验码须正确）");
			return null;
		}
		return id;
	}

	/** The normalised phone, null for blank; adds an error when it is not valid. */
	static String phone(String raw, String field, Map<String, String> errors) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String phone = PersonalData.normalisePhone(raw);
		if (!PersonalData.isValidPhone(phone)) {
			errors.put(field, "手机号或电话号码不正确");
			return null;
		}
		return phone;
	}

}
