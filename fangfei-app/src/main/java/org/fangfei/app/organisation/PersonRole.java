package org.fangfei.app.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person does in the grid system.
 */
public enum PersonRole {

	GRID_LEADER("网格长"), GRID_WORKER("网格员"), INFORMANT("信息员"), STAFF("工作人员");

	private final String label;

	PersonRole(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<PersonRole> ofLabel(String label) {
		return Arrays.stream(values()).filter(r -> r.label.equals(label) || r.name().equals(label)).findFirst();
	}

}
