package org.fangfei.detect.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

final class StateCodecTestSupport {

	private StateCodecTestSupport() {
	}

	static AccountState copy(AccountState s) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		s.writeTo(new DataOutputStream(bytes));
		return AccountState.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
	}

}
