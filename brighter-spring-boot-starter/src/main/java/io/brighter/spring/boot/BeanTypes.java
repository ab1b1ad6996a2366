package io.brighter.spring.boot;

import io.brighter.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/** Finds the beans of a generic type and what their type arguments are. */
final class BeanTypes {

  /**
   * A bean of {@code genericType} with its class and the class of its type arguments.
   *
   * @param name the bean's name
   * @param beanClass the bean's class, without a proxy's subclass
   * @param arguments the resolved type arguments of {@code genericType}, null where unresolved
   */
  record Found(String name, Class<?> beanClass, @Nullable Class<?>[] arguments) {

    /** The {@code index}th type argument, which must be a concrete class. */
    Class<?> concreteArgument(int index, Class<?> genericType) {
      Class<?> argument = arguments[index];
      if (argument == null || argument.isInterface()) {
        throw new ConfigurationException(
            "Cannot tell the request type of bean '"
                + name
                + "' ("
                + beanClass.getName()
                + "): declare it as a "
                + genericType.getSimpleName()
                + " of a concrete request class");
      }
      return argument;
    }
  }

  private BeanTypes() {}

  /** Every bean definition whose type is {@code genericType}, without creating the beans. */
  static List<Found> find(ConfigurableListableBeanFactory beanFactory, Class<?> genericType) {
    List<Found> found = new ArrayList<>();
    for (String name : beanFactory.getBeanNamesForType(genericType, true, false)) {
      Class<?> type = beanFactory.getType(name, false);
      if (type == null) {
        continue;
      }
      Class<?> beanClass = ClassUtils.getUserClass(type);
      ResolvableType asGeneric = ResolvableType.forClass(beanClass).as(genericType);
      found.add(new Found(name, beanClass, asGeneric.resolveGenerics()));
    }
    return found;
  }

  /** Whether {@code type} is a handler of a concrete request, not generic middleware. */
  static boolean handlesConcreteType(Found found) {
    Class<?> argument = found.arguments().length == 0 ? null : found.arguments()[0];
    return argument != null
        && !argument.isInterface()
        && !java.lang.reflect.Modifier.isAbstract(argument.getModifiers());
  }
}
