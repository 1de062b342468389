package org.envelopereview.cli;

import java.lang.reflect.Constructor;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.spring.PicocliSpringFactory;

import org.springframework.context.ApplicationContext;

/**
 * Makes the commands of the command line being run from the application context, and
 * every other command without its collaborators (left null): picocli makes every
 * subcommand to inject its spec, but those only lend their options and help to the parser
 * and never run. So a context holds only what the command being run needs (validate
 * starts no database; ingest makes no review job and no scheduler), and before Spring
 * starts ({@link CommandLineTriage}) no command needs a context at all.
 */
class UnwiredCommandFactory implements IFactory {

	private final IFactory context;

	private final Set<Class<?>> wired;

	/**
	 * @param context the context to make the wired commands and other objects in, or
	 * {@code null} for none
	 * @param wired the command classes to make from the context
	 */
	UnwiredCommandFactory(ApplicationContext context, Set<Class<?>> wired) {
		this.context = (context != null) ? new PicocliSpringFactory(context) : CommandLine.defaultFactory();
		this.wired = wired;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		if (!type.isAnnotationPresent(Command.class) || this.wired.contains(type)) {
			return this.context.create(type);
		}
		Constructor<?> constructor = type.getDeclaredConstructors()[0];
		constructor.setAccessible(true);
		return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
	}

}
