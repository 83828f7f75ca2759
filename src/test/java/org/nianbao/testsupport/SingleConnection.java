package org.nianbao.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * One open connection as a data source whose close() leaves it open (a pool of one), for
 * benchmarks.
 */
public final class SingleConnection {

  private SingleConnection() {}

  /** A data source that always hands out {@code c}; closing what it hands out does nothing. */
  public static DataSource of(Connection c) {
    ClassLoader loader = SingleConnection.class.getClassLoader();
    Connection shared =
        (Connection)
            Proxy.newProxyInstance(
                loader,
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(c, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return shared;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
