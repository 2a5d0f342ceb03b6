package org.fangfei.app.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every return with reasons (a ledger, a community's self-assessment) refuses a missing
 * or overlong reason with the same Chinese words beside the same field.
 */
class ReturnReasonTests {

	@Test
	void aReasonIsKeptWithoutSurroundingBlanks() {
		assertThat(ReturnReason.required("  请补充佐证 \n")).isEqualTo("请补充佐证");
		assertThat(ReturnReason.required("理".repeat(ReturnReason.MAX))).hasSize(ReturnReason.MAX);
	}

	@Test
	void aMissingOrOverlongReasonIsRefusedBesideTheReasonField() {
		for (String blank : new String[] { null, "", "  \t" }) {
			assertThatThrownBy(() -> ReturnReason.required(blank)).isInstanceOfSatisfying(Rejected.class, ex -> {
				assertThat(ex).hasMessage("请填写退回原因");
				assertThat(ex.fieldErrors()).containsEntry("reason", "请填写退回原因");
			});
		}
		assertThatThrownBy(() -> ReturnReason.required("理".repeat(ReturnReason.MAX + 1)))
			.isInstanceOfSatisfying(Rejected.class, ex -> {
				assertThat(ex).hasMessage("退回原因不能超过 1000 个字");
				assertThat(ex.fieldErrors()).containsOnlyKeys("reason");
			});
	}

}
