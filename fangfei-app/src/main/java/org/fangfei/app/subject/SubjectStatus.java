package org.fangfei.app.subject;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where the handling of a subject stands.
 */
public enum SubjectStatus {

	WATCHING("监测中"), RECTIFYING("整改中"), RESOLVED("已化解"), CASE_FILED("已立案"), LOST_CONTACT("失联"), NO_ACTION("无需处置");

	private final String label;

	SubjectStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<SubjectStatus> ofLabel(String text) {
		return Arrays.stream(values()).filter(s -> s.label.equals(text) || s.name().equals(text)).findFirst();
	}

}
