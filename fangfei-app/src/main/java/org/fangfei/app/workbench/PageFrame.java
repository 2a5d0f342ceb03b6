package org.fangfei.app.workbench;

import java.util.List;

import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IText;
import org.thymeleaf.standard.expression.Fragment;

import org.springframework.stereotype.Component;

/**
 * What the layout asks while it frames a page ({@code @pageFrame} in templates): the
 * breadcrumbs from the menu and the page's own {@code <title>}.
 */
@Component("pageFrame")
public class PageFrame {

	private static final String PRODUCT = " - 防非";

	/**
	 * @param path the request path within the application
	 * @param title the page's title fragment as the layout receives it
	 */
	public List<Menu.Crumb> crumbs(String path, Object title) {
		return Menu.trail(path, textOf(title));
	}

	/** The text of a static {@code <title>} fragment, without the product name. */
	static String textOf(Object title) {
		if (!(title instanceof Fragment fragment) || fragment.getTemplateModel() == null) {
			return null;
		}
		IModel model = fragment.getTemplateModel();
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < model.size(); i++) {
			if (model.get(i) instanceof IText part) {
				text.append(part.getText());
			}
		}
		String s = text.toString().strip();
		if (s.endsWith(PRODUCT)) {
			s = s.substring(0, s.length() - PRODUCT.length()).strip();
		}
		return s.isEmpty() || s.equals("防非") ? null : s;
	}

}
