package org.fangfei.detect;

import java.io.PrintStream;
import java.util.Map;

/** {@code evaluate}: recall per planted pattern and flag rate per look-alike kind. */
final class Evaluate {

	private Evaluate() {
	}

	static void main(Map<String, String> o, PrintStream out) throws Exception {
		throw new IllegalArgumentException("evaluate: not yet implemented");
	}

}
