package org.fangfei.app.organisation;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator types to add or edit a department.
 */
record DepartmentForm(@NotBlank(message = "请填写单位名称") @Size(max = 100, message = "单位名称不能超过100个字") String name,
		@Size(max = 40, message = "简称不能超过40个字") String shortName,
		@NotBlank(message = "请填写所属区划代码") @Pattern(regexp = "[0-9]{12}", message = "区划代码应为12位数字") String regionCode,
		Boolean office, List<String> sectors) {

	DepartmentForm {
		office = Boolean.TRUE.equals(office);
		sectors = sectors == null ? List.of() : List.copyOf(sectors);
	}

}
