package org.envelopereview.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.spring.PicocliSpringFactory;

import org.springframework.context.ApplicationContext;

/**
 * Makes picocli's objects from an application context when it holds them, and otherwise
 * makes a command without its collaborators (they are left null): such a command only
 * lends its options and help to the parser and is never run. picocli makes every
 * subcommand of a command line to inject its spec, so before Spring starts
 * ({@link CommandLineTriage}), and in the context without a database, the commands that
 * cannot run there still have to exist.
 */
class UnwiredCommandFactory implements IFactory {

	private final ApplicationContext context;

	private final IFactory spring;

	/**
	 * @param context the context whose beans to prefer, or {@code null} for none
	 */
	UnwiredCommandFactory(ApplicationContext context) {
		this.context = context;
		this.spring = (context != null) ? new PicocliSpringFactory(context) : CommandLine.defaultFactory();
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		if (!type.isAnnotationPresent(Command.class)
				|| (this.context != null && this.context.getBeanNamesForType(type).length > 0)) {
			return this.spring.create(type);
		}
		Constructor<?> constructor = type.getDeclaredConstructors()[0];
		constructor.setAccessible(true);
		return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
	}

}
