/** The typed client of shop (6 operations), generated from the endpoints in the code. */
import { buildPath, request, type ClientConfig } from './http';
import type { NewProduct, ProductDto } from './types';

export function createClient(config: ClientConfig) {
  return {
    /** GET /api/products: Lists the catalogue, optionally filtered by category. */
    listProducts: (args: { query?: { category?: string; limit?: number } } = {}) => request<ProductDto[]>(config, 'GET', buildPath('/api/products'), { query: args.query }),
    /** POST /api/products */
    createProduct: (args: { body: NewProduct }) => request<ProductDto>(config, 'POST', buildPath('/api/products'), { body: args.body }),
    /** DELETE /api/products/{productId} */
    deleteProduct: (args: { path: { 'productId': string | number } }) => request<unknown>(config, 'DELETE', buildPath('/api/products/{productId}', args.path)),
    /** GET /api/products/{productId} */
    getProduct: (args: { path: { 'productId': string | number } }) => request<ProductDto>(config, 'GET', buildPath('/api/products/{productId}', args.path)),
    /** PUT /api/products/{productId} */
    updateProduct: (args: { path: { 'productId': string | number }; body: NewProduct }) => request<ProductDto>(config, 'PUT', buildPath('/api/products/{productId}', args.path), { body: args.body }),
    /** POST /api/products/{productId}/restock */
    restock: (args: { path: { 'productId': string | number }; query: { quantity: number } }) => request<ProductDto>(config, 'POST', buildPath('/api/products/{productId}/restock', args.path), { query: args.query }),
  };
}

export type ApiClient = ReturnType<typeof createClient>;
