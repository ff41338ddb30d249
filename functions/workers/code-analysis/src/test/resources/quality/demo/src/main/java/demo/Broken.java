package demo;

public class Broken {
    void f( {
}
