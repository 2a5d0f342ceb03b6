package org.fangfei.app;

import org.springframework.modulith.test.Scenario;

/**
 * A test step that may throw (a request through MockMvc), as the {@link Runnable} that
 * {@link Scenario#stimulate(Runnable)} takes.
 */
public final class Stimulus {

	/** A step that may throw. */
	public interface Step {

		void run() throws Exception;

	}

	private Stimulus() {
	}

	public static Runnable unchecked(Step step) {
		return () -> {
			try {
				step.run();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

}
