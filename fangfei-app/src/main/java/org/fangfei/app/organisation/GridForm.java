package org.fangfei.app.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator types to add or edit a grid.
 */
record GridForm(
		@NotBlank(message = "请填写网格编码") @Pattern(regexp = "[A-Za-z0-9_-]{1,32}",
				message = "网格编码只能包含字母、数字、下划线和短横线，最多32位") String code,
		@NotBlank(message = "请填写网格名称") @Size(max = 100, message = "网格名称不能超过100个字") String name,
		@NotNull(message = "请选择网格层级") @Min(value = 1, message = "网格层级只能是1或2") @Max(value = 2,
				message = "网格层级只能是1或2") Integer level,
		@NotBlank(message = "请填写所属区划代码") @Pattern(regexp = "[0-9]{12}", message = "区划代码应为12位数字") String regionCode,
		Long parentId) {
}
