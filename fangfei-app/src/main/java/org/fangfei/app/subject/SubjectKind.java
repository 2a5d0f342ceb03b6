package org.fangfei.app.subject;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of entity a subject is.
 */
public enum SubjectKind {

	ENTERPRISE("企业"), INDIVIDUAL_BUSINESS("个体工商户"), INDIVIDUAL("个人"), ORGANISATION("社会组织"), PLATFORM("网络平台");

	private final String label;

	SubjectKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<SubjectKind> ofLabel(String text) {
		return Arrays.stream(values()).filter(k -> k.label.equals(text) || k.name().equals(text)).findFirst();
	}

}
