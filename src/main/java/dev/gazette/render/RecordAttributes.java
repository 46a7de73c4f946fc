package dev.gazette.render;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.MacroAttributeProvider;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code record.name} in a template (no arguments), resolved to the method Pebble 3.2.4's own
 * resolver finds, found once per record class and name. Pebble's resolver makes a cache key, an
 * array of argument types and a copy of the method's parameter types for every attribute read,
 * a few per card of the tens of thousands a site's lists show. An extension's resolvers are asked
 * before Pebble's; this one answers only when Pebble's would find a method, and leaves anything
 * else (fields, missing attributes, refused methods, calls with arguments, other values) to it.
 */
final class RecordAttributes implements AttributeResolver {
    /** The engine's extension that puts this resolver before Pebble's. */
    static final class Extension extends AbstractExtension {
        private final List<AttributeResolver> resolvers = List.of(new RecordAttributes());

        @Override
        public List<AttributeResolver> getAttributeResolver() {
            return resolvers;
        }
    }

    /** The arguments of every accessor call: none, and no array made for them each time. */
    private static final Object[] NO_ARGUMENTS = {};

    /** Stands for "Pebble's resolver decides" in the memo. */
    private static final Object PEBBLES = new Object();

    /**
     * Per record class, per attribute name: the accessor, or {@link #PEBBLES}. A map, not a
     * {@code ClassValue}, whose look-ups were found in their slow path ({@code getFromBackup}) in
     * builds' profiles, at several times a map's cost.
     */
    private static final Map<Class<?>, Map<String, Object>> METHODS = new ConcurrentHashMap<>();

    /**
     * Interfaces Pebble searches before the value's class, in its order: a record that implements
     * one is left to Pebble (none of Gazette's does).
     */
    private static final List<Class<?>> SEARCHED_FIRST = List.of(List.class, Set.class, Map.class, Map.Entry.class,
            Collection.class, Iterable.class);

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues,
                                     ArgumentsNode args, EvaluationContextImpl context, String filename,
                                     int lineNumber) {
        if (!(instance instanceof Record) || argumentValues != null || !(attributeNameValue instanceof String name)
                || name.isEmpty()) {
            return null;
        }
        Map<String, Object> methods = METHODS.get(instance.getClass());
        if (methods == null) {
            methods = METHODS.computeIfAbsent(instance.getClass(), type -> new ConcurrentHashMap<>());
        }
        Object found = methods.get(name);
        if (found == null) {
            found = find(instance, name, context);
            methods.put(name, found);
        }
        if (found == PEBBLES) {
            return null;
        }
        Method method = (Method) found;
        try {
            return new ResolvedAttribute(method.invoke(instance, NO_ARGUMENTS));
        } catch (IllegalAccessException | IllegalArgumentException | InvocationTargetException e) {
            throw new PebbleException(e, "Could not call " + method.getName(), lineNumber, filename);
        }
    }

    /**
     * The method Pebble's {@code MemberCacheUtils.reflect} takes for {@code name} on a value of
     * this class without arguments: the first public method without parameters, in
     * {@code getMethods()} order, named (ignoring case) get, is or has with the name capitalised,
     * then the name itself; {@link #PEBBLES} when there is none, when Pebble searches an interface
     * first or the value provides macros, or when the engine's access check refuses it (Pebble then fails as it would).
     */
    private static Object find(Object instance, String name, EvaluationContextImpl context) {
        Class<?> type = instance.getClass();
        if (instance instanceof MacroAttributeProvider) {
            return PEBBLES;
        }
        for (Class<?> first : SEARCHED_FIRST) {
            if (first.isAssignableFrom(type)) {
                return PEBBLES;
            }
        }
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Method[] methods = type.getMethods();
        for (String wanted : new String[] {"get" + capitalised, "is" + capitalised, "has" + capitalised, name}) {
            for (Method m : methods) {
                if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(wanted)) {
                    if (!context.getEvaluationOptions().getMethodAccessValidator().isMethodAccessAllowed(instance, m)) {
                        return PEBBLES;
                    }
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        return PEBBLES;
    }
}
