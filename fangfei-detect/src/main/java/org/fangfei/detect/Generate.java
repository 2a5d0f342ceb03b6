package org.fangfei.detect;

import java.io.PrintStream;
import java.util.Map;

/** {@code generate}: a synthetic transfer stream with planted schemes and look-alikes. */
final class Generate {

	private Generate() {
	}

	static void main(Map<String, String> o, PrintStream out) throws Exception {
		throw new IllegalArgumentException("generate: not yet implemented");
	}

}
