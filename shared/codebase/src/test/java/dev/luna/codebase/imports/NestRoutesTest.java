package dev.luna.codebase.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestRoutesTest {
    @TempDir
    Path root;

    @Test
    void controllersWithDecoratedMethodsParametersAndGlobalPrefix() throws IOException {
        Files.createDirectories(root.resolve("src/cats"));
        Files.writeString(root.resolve("src/main.ts"), """
                import { NestFactory } from '@nestjs/core';
                import { AppModule } from './app.module';
                async function bootstrap() {
                  const app = await NestFactory.create(AppModule);
                  app.setGlobalPrefix('api');
                  await app.listen(3000);
                }
                bootstrap();
                """);
        Files.writeString(root.resolve("src/cats/cats.controller.ts"), """
                import { Body, Controller, Get, Param, Post, Query, Headers, HttpCode } from '@nestjs/common';
                import { Cat, CreateCatDto } from './cat';

                @Controller('cats')
                export class CatsController {
                  constructor(private readonly service: CatsService) {}

                  @Get()
                  async findAll(@Query('limit') limit?: number, @Headers('x-tenant') tenant: string): Promise<Cat[]> {
                    return [];
                  }

                  @Get(':id')
                  findOne(@Param('id') id: string): Promise<Cat> {
                    return this.service.find(id);
                  }

                  @Post()
                  @HttpCode(201)
                  create(@Body() dto: CreateCatDto): void {
                    this.service.create(dto);
                  }
                }
                """);
        Files.writeString(root.resolve("src/cats/cat.ts"), """
                export interface Cat { id: string; name: string; age?: number }
                export class CreateCatDto {
                  @IsString() name: string;
                  @Min(0)
                  age: number;
                  toString(): string { return this.name }
                }
                """);
        var model = new Codebase().analyse(root, List.of("src/cats/cat.ts", "src/cats/cats.controller.ts", "src/main.ts"), () -> false);
        assertThat(model.endpoints()).extracting(Endpoint::method, Endpoint::path, Endpoint::framework, Endpoint::handler).containsExactly(
                tuple("GET", "/api/cats", "NestJS", "src/cats/cats.controller.ts#CatsController.findAll"),
                tuple("POST", "/api/cats", "NestJS", "src/cats/cats.controller.ts#CatsController.create"),
                tuple("GET", "/api/cats/{id}", "NestJS", "src/cats/cats.controller.ts#CatsController.findOne"));
        var findAll = model.endpoints().getFirst();
        assertThat(findAll.params()).extracting(Param::name, Param::in, Param::required)
                .containsExactly(tuple("x-tenant", "header", true), tuple("limit", "query", false));
        assertThat(findAll.response().items().ref()).isEqualTo("Cat");
        assertThat(model.endpoints().get(1).request().ref()).isEqualTo("CreateCatDto");
        assertThat(model.endpoints().get(1).response()).isNull();
        assertThat(model.shape("CreateCatDto").properties()).extracting(p -> p.name()).containsExactly("name", "age");
        assertThat(model.endpoints().get(2).response().ref()).isEqualTo("Cat");
        assertThat(model.endpoints().get(2).startLine()).isEqualTo(13);
    }
}
