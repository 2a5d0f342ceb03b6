package org.fangfei.app.security;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the security administrator types to add or edit an account.
 */
record UserForm(
		@NotBlank(message = "请填写用户名") @Pattern(regexp = "[a-z][a-z0-9_.-]{2,39}",
				message = "用户名为3到40位小写字母、数字、点、下划线或短横线，以字母开头") String username,
		@NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过50个字") String displayName,
		@Pattern(regexp = "([0-9]{12})?", message = "区划代码应为12位数字") String regionCode, Long departmentId,
		@NotEmpty(message = "请至少选择一个角色") List<String> roles) {

	UserForm {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

}
