package org.fangfei.app.subject;

import java.util.Arrays;
import java.util.Optional;

/**
 * 风险等级, from red (highest) to blue.
 */
public enum RiskLevel {

	RED("红色"), ORANGE("橙色"), YELLOW("黄色"), BLUE("蓝色");

	private final String label;

	RiskLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<RiskLevel> ofLabel(String text) {
		return Arrays.stream(values())
			.filter(l -> l.label.equals(text) || l.name().equals(text) || l.label.substring(0, 1).equals(text))
			.findFirst();
	}

}
