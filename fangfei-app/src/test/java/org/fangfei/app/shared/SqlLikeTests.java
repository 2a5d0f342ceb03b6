package org.fangfei.app.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search text is matched literally.
 */
class SqlLikeTests {

	@Test
	void wildcardsTypedByUsersAreEscaped() {
		assertThat(SqlLike.contains(" 王 ")).isEqualTo("%王%");
		assertThat(SqlLike.contains("%")).isEqualTo("%\\%%");
		assertThat(SqlLike.contains("a_b")).isEqualTo("%a\\_b%");
		assertThat(SqlLike.startsWith("c:\\")).isEqualTo("c:\\\\%");
		assertThat(SqlLike.contains(null)).isEqualTo("%%");
	}

}
