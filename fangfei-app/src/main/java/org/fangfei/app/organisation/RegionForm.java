package org.fangfei.app.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator types to add or rename a region.
 */
record RegionForm(@NotBlank(message = "请填写区划代码") @Pattern(regexp = "[0-9]{12}", message = "区划代码应为12位数字") String code,
		@NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不能超过100个字") String name,
		@Pattern(regexp = "([0-9]{12})?", message = "上级区划代码应为12位数字") String parentCode) {
}
