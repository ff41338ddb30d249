/** The API's named schemas as TypeScript types. */

export type Category = 'BOOKS' | 'GAMES' | 'TOOLS';

export type NewProduct = { category?: string; kind?: Category; name: string; price: number; };

export type ProductDto = { category?: string; id: number; name?: string; price: number; stock: number; };

