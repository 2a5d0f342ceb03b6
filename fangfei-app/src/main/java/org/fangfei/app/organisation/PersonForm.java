package org.fangfei.app.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator types to add or edit a person. On edit, a blank phone or ID
 * number keeps the stored one (the form never shows the plain value).
 */
record PersonForm(@NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过50个字") String name,
		@NotNull(message = "请选择人员类别") PersonRole role,
		@NotBlank(message = "请填写所属区划代码") @Pattern(regexp = "[0-9]{12}", message = "区划代码应为12位数字") String regionCode,
		Long gridId, Long departmentId, @Size(max = 20, message = "手机号格式不正确") String phone,
		@Size(max = 18, message = "身份证号应为18位") String idNumber) {
}
