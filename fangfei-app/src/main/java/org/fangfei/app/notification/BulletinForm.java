package org.fangfei.app.notification;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the office writes to send a bulletin: its text and the receiving townships and
 * departments, each list either chosen one by one or "all" of those in the sender's
 * jurisdiction.
 */
record BulletinForm(@NotBlank(message = "请填写通报标题") @Size(max = 100, message = "通报标题不能超过100个字") String title,
		@NotBlank(message = "请填写通报正文") @Size(max = 5000, message = "通报正文不能超过5000个字") String body,
		@NotNull(message = "请选择通报类别") BulletinLevel level, List<String> townships, List<Long> departments,
		Boolean allTownships, Boolean allDepartments) {

	BulletinForm {
		townships = townships == null ? List.of() : townships.stream().filter(t -> t != null && !t.isBlank()).toList();
		departments = departments == null ? List.of() : departments.stream().filter(d -> d != null).toList();
	}

	static BulletinForm blank() {
		return new BulletinForm("", "", BulletinLevel.WORK, List.of(), List.of(), false, false);
	}

	public boolean toAllTownships() {
		return Boolean.TRUE.equals(this.allTownships);
	}

	public boolean toAllDepartments() {
		return Boolean.TRUE.equals(this.allDepartments);
	}

}
