package org.fangfei.app.workbench;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MenuTests {

	@Test
	void aGroupAppearsOnlyWithAPageItsUserMayOpen() {
		Set<String> township = Set.of("clue:clue:view", "patrol:patrol:view");
		List<Menu.Group> menu = Menu.of(township::contains);
		assertThat(menu).extracting(Menu.Group::label).containsExactly("工作台", "线索与案件", "基层治理", "统计报送");
		assertThat(menu.get(0).items()).extracting(Menu.Item::href).containsExactly("/");
		assertThat(menu.get(2).items()).extracting(Menu.Item::href)
			.containsExactly("/patrols", "/patrols/unpatrolled", "/patrols/findings");
		assertThat(Menu.of(p -> false)).extracting(Menu.Group::label).containsExactly("工作台");
	}

	@Test
	void idsAndPagesAreUnique() {
		assertThat(Menu.all()).extracting(Menu.Item::id).doesNotHaveDuplicates();
		assertThat(Menu.all()).extracting(Menu.Item::href).doesNotHaveDuplicates();
	}

	@Test
	void breadcrumbsFollowTheLongestMenuPageAndEndWithThePageTitle() {
		assertThat(Menu.trail("/", "工作台")).isEmpty();
		assertThat(Menu.trail("/clues", "问题线索")).containsExactly(new Menu.Crumb("首页", "/"),
				new Menu.Crumb("线索与案件", null), new Menu.Crumb("问题线索", null));
		assertThat(Menu.trail("/clues/42", "线索详情")).containsExactly(new Menu.Crumb("首页", "/"),
				new Menu.Crumb("线索与案件", null), new Menu.Crumb("问题线索", "/clues"), new Menu.Crumb("线索详情", null));
		assertThat(Menu.trail("/clues/dashboard", "线索统计看板")).extracting(Menu.Crumb::label)
			.containsExactly("首页", "统计报送", "线索统计");
		assertThat(Menu.trail("/settings/holidays", "工作日历")).extracting(Menu.Crumb::label)
			.containsExactly("首页", "系统管理", "工作日历");
		// a page outside the menu: home, then its own title
		assertThat(Menu.trail("/password", "修改密码")).containsExactly(new Menu.Crumb("首页", "/"),
				new Menu.Crumb("修改密码", null));
		// "/cases-x" is not below "/cases"
		assertThat(Menu.trail("/casesx", "别的")).extracting(Menu.Crumb::label).containsExactly("首页", "别的");
	}

}
